"""The Slack app over real HTTP against the Fake Slack: what a Slack user would see happen.

Requests are signed exactly as Slack signs them; replies are read from what the app sent to the
Fake Slack's Web API and response_url.
"""

from __future__ import annotations

import asyncio
import time

from tests.support.fake_slack import app_home_opened, app_mention, block_actions, dm_message, form_body, slash_command
from tests.support.slack_rig import running_rig

ALICE, BOB = "UALICE0001", "UBOB000002"
CHANNEL = "CGENERAL01"


def _texts(params_list):
    return [p.get("text", "") for p in params_list]


async def test_slash_command_in_a_channel_answers_privately_and_continues_in_the_dm():
    async with running_rig() as rig:
        sent = await rig.send.command("practice startup", user=ALICE, channel=CHANNEL,
                                      response_url=rig.response_url("cmd1"))
        assert sent.status == 200
        fake = rig.fake
        await fake.wait_for(lambda: fake.messages_to(ALICE) and fake.posted)
        dm = fake.messages_to(ALICE)[0]
        assert "Dana" in dm["text"]
        buttons = next(b for b in dm["blocks"] if b["type"] == "actions")["elements"]
        assert [b["text"]["text"] for b in buttons] == ["Hint", "End and debrief"]
        pointer = fake.posted[0].body
        assert pointer["response_type"] == "ephemeral"
        assert "direct messages" in pointer["text"]
        # Nothing was posted in the channel for everyone to see.
        assert not [c for c in fake.calls_to("chat.postMessage") if c.params["channel"] == CHANNEL]


async def test_click_by_the_owner_reaches_the_coach_and_another_users_click_is_refused():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(dm_message(user=ALICE, text="practice startup"))
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        end_button = next(b for b in fake.messages_to(ALICE)[0]["blocks"] if b["type"] == "actions")["elements"][1]

        turns_before = rig.service.store.count("turns")
        sent = await rig.send.interaction(block_actions(user=BOB, value=end_button["value"], channel=fake.dm_of(ALICE),
                                                        response_url=rig.response_url("bob")))
        assert sent.status == 200
        await fake.wait_for(lambda: fake.posted)
        refusal = fake.posted[0].body
        assert refusal["response_type"] == "ephemeral" and refusal["replace_original"] is False
        assert "someone else" in refusal["text"]
        await asyncio.sleep(0.05)
        assert rig.service.store.count("turns") == turns_before
        assert len(fake.messages_to(ALICE)) == 1

        await rig.send.interaction(block_actions(user=ALICE, value=end_button["value"], channel=fake.dm_of(ALICE),
                                                 response_url=rig.response_url("alice")))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) == 2)
        debrief = fake.messages_to(ALICE)[1]["blocks"]
        assert debrief[0] == {"type": "header", "text": {"type": "plain_text", "text": "Your scorecard: 3/4",
                                                          "emoji": True}}
        fields = [f["text"] for b in debrief if "fields" in b for f in b["fields"]]
        assert fields == ["*Anchoring*\n2/2", "*Reasons*\n1/2"]


async def test_bad_signature_and_stale_timestamp_are_rejected_and_nothing_runs():
    async with running_rig() as rig:
        body = form_body(slash_command(text="help", user=ALICE, channel=CHANNEL, response_url=rig.response_url()))
        wrong = await rig.send.send(body, secret="0" * 32)
        stale = await rig.send.send(body, timestamp=int(time.time()) - 6 * 60)
        assert (wrong.status, stale.status) == (401, 401)
        await asyncio.sleep(0.05)
        assert rig.service.store.count("turns") == 0
        assert not rig.fake.posted and not rig.fake.calls_to("chat.postMessage")


async def test_a_retried_event_gets_one_reply_only():
    async with running_rig() as rig:
        fake = rig.fake
        event = dm_message(user=ALICE, text="hello there")
        first = await rig.send.event(event, event_id="Ev0RETRY01")
        again = await rig.send.event(event, event_id="Ev0RETRY01", retry=1)
        assert (first.status, again.status) == (200, 200)
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        await asyncio.sleep(0.1)
        assert _texts(fake.messages_to(ALICE)) == ["You said: hello there"]


async def test_the_ack_does_not_wait_for_the_turn():
    # Slack retries a request not acked within 3 seconds. The turn here cannot finish until the
    # ack has arrived, so an app that waited for the turn before acking would never ack: the
    # outcome does not depend on how fast this machine is (the timeout only stops a hang).
    turn_may_finish = asyncio.Event()

    class GatedCoach:
        def __init__(self, service):
            self.service = service

        async def handle(self, incoming):
            await turn_may_finish.wait()  # a slow dependency on the way to the core
            return await self.service.handle(incoming)

        def progress(self, user_key):
            return self.service.progress(user_key)

    async with running_rig(coach_wrapper=GatedCoach) as rig:
        try:
            sent = await asyncio.wait_for(
                rig.send.command("hello", user=ALICE, channel=CHANNEL, response_url=rig.response_url()), timeout=10)
            assert sent.status == 200
            assert not rig.fake.posted  # the reply was not waited for
        finally:
            turn_may_finish.set()
        await rig.fake.wait_for(lambda: rig.fake.posted, timeout=5)
        assert rig.fake.posted[0].body["text"] == "You said: hello"


async def test_user_text_cannot_ping_or_forge_formatting():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(dm_message(user=ALICE, text="<!channel> hi <@UBOB000002> *bold* `x` &lt;!here&gt;"))
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        message = fake.messages_to(ALICE)[0]
        shown = message["blocks"][0]["text"]["text"] + message["text"]
        for ping in ("<!channel>", "<!here>", "<@UBOB000002>"):
            assert ping not in shown
        assert "*bold*" not in shown and "`x`" not in shown
        assert message["blocks"][0]["text"]["verbatim"] is True


async def test_url_verification_is_answered_with_the_challenge():
    async with running_rig() as rig:
        import json

        sent = await rig.send.send(json.dumps({"token": "t", "challenge": "ch4ll3nge", "type": "url_verification"}),
                                   content_type="application/json")
        assert sent.status == 200 and "ch4ll3nge" in sent.body


async def test_app_home_shows_progress_with_buttons_to_go_on():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(dm_message(user=ALICE, text="practice startup"))
        await rig.send.event(dm_message(user=ALICE, text="end"))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) == 2)
        await rig.send.event(app_home_opened(user=ALICE))
        await fake.wait_for(lambda: fake.calls_to("views.publish"))
        publish = fake.calls_to("views.publish")[0].params
        assert publish["user_id"] == ALICE
        text = "\n".join(b.get("text", {}).get("text", "") for b in publish["view"]["blocks"])
        assert "Practices done: 1" in text and "score 3/4" in text and "startup" in text
        labels = [e["text"]["text"] for b in publish["view"]["blocks"] if b["type"] == "actions" for e in b["elements"]]
        assert "Practise a negotiation" in labels and "Value an offer" in labels


async def test_a_mention_in_a_channel_runs_the_practice_in_that_thread():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(app_mention(user=ALICE, text="<@UBOTC0ACH> hello coach", channel=CHANNEL,
                                         ts="1700000100.000100"))
        await fake.wait_for(lambda: fake.calls_to("chat.postMessage"))
        posted = fake.calls_to("chat.postMessage")[0].params
        assert posted["channel"] == CHANNEL and posted["thread_ts"] == "1700000100.000100"
        assert posted["text"] == "You said: hello coach"


async def test_export_from_a_channel_uploads_the_file_to_the_dm():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.command("export", user=ALICE, channel=CHANNEL, response_url=rig.response_url("exp"))
        await fake.wait_for(lambda: fake.calls_to("files.completeUploadExternal")
                            and any(p.path.startswith("/response/") for p in fake.posted))
        uploads = [p for p in fake.posted if p.path.startswith("/upload/")]
        assert len(uploads) == 1 and uploads[0].body["user"]["key"] == f"slack:T0FAKE001:{ALICE}"
        complete = fake.calls_to("files.completeUploadExternal")[0].params
        assert complete["channel_id"] == fake.dm_of(ALICE)
        assert any("direct messages" in p.body["text"] for p in fake.posted if p.path.startswith("/response/"))


async def test_export_arrives_as_code_when_the_upload_is_not_allowed():
    async with running_rig() as rig:
        fake = rig.fake
        fake.errors["files.getUploadURLExternal"] = "missing_scope"
        await rig.send.event(dm_message(user=ALICE, text="export"))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) == 2)
        code = fake.messages_to(ALICE)[1]["blocks"][0]["text"]["text"]
        assert "offer-coach" in code and "```" in code


async def test_value_opens_the_offer_form_and_its_answers_reach_the_coach():
    from tests.support.fake_slack import view_submission

    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.command("value", user=ALICE, channel=CHANNEL, response_url=rig.response_url())
        await fake.wait_for(lambda: fake.calls_to("views.open"))
        view = fake.calls_to("views.open")[0].params["view"]
        assert view["callback_id"] == "oc.value" and view["private_metadata"] == ALICE

        def form(base: str) -> dict:
            return {"currency": {"v": {"type": "static_select", "selected_option": {"value": "EUR"}}},
                    "base": {"v": {"type": "plain_text_input", "value": base}},
                    "bonus": {"v": {"type": "plain_text_input", "value": "10"}},
                    "pto": {"v": {"type": "plain_text_input", "value": None}}}

        bad = await rig.send.interaction(view_submission(user=ALICE, callback_id="oc.value", values=form("12O")))
        assert bad.status == 200
        assert '"response_action": "errors"' in bad.body.replace('":"', '": "') and '"base"' in bad.body
        assert not fake.messages_to(ALICE)

        good = await rig.send.interaction(view_submission(user=ALICE, callback_id="oc.value", values=form("120k")))
        assert good.status == 200 and "errors" not in good.body
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        assert fake.messages_to(ALICE)[0]["text"] == "You said: value base 120000 EUR, 10% bonus"


async def test_another_slash_command_gets_a_pointer_to_ours():
    async with running_rig() as rig:
        sent = await rig.send.command("help", user=ALICE, channel=CHANNEL, response_url=rig.response_url(),
                                      command="/coach")
        assert sent.status == 200 and "/offer-coach help" in sent.body


async def test_logs_at_info_carry_no_message_text_or_token(caplog):
    import logging

    caplog.set_level(logging.INFO)
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(dm_message(user=ALICE, text="my secret salary is 123456"))
        await rig.send.command("practice startup", user=ALICE, channel=CHANNEL, response_url=rig.response_url())
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) == 2)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "123456" not in logged and "xoxb-" not in logged and rig.secret not in logged


async def test_a_button_value_we_cannot_read_gets_a_friendly_note_and_nothing_runs():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.interaction(block_actions(user=ALICE, value="something-else", channel=fake.dm_of(ALICE),
                                                 response_url=rig.response_url("odd")))
        await fake.wait_for(lambda: fake.posted)
        assert "older message" in fake.posted[0].body["text"]
        assert rig.service.store.count("turns") == 0


async def test_edits_bot_messages_and_channel_chatter_get_no_reply():
    async with running_rig() as rig:
        fake = rig.fake
        edited = {**dm_message(user=ALICE, text="changed"), "subtype": "message_changed"}
        from_a_bot = {**dm_message(user=ALICE, text="beep"), "bot_id": "BOTHER0001"}
        in_channel = {**dm_message(user=ALICE, text="hi all"), "channel_type": "channel", "channel": CHANNEL}
        for event in (edited, from_a_bot, in_channel):
            assert (await rig.send.event(event)).status == 200
        await rig.send.event(dm_message(user=ALICE, text="marker"))
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        await asyncio.sleep(0.05)
        assert _texts(fake.messages_to(ALICE)) == ["You said: marker"]


async def test_home_buttons_run_in_the_dm_and_open_the_offer_form():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(app_home_opened(user=ALICE))
        await fake.wait_for(lambda: fake.calls_to("views.publish"))
        buttons = {e["text"]["text"]: e for b in fake.calls_to("views.publish")[0].params["view"]["blocks"]
                   if b["type"] == "actions" for e in b["elements"]}

        def click(label: str) -> dict:
            return block_actions(user=ALICE, value=buttons[label]["value"], channel=None,
                                 action_id=buttons[label]["action_id"], response_url=rig.response_url("home"))

        await rig.send.interaction(click("Help"))
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        assert fake.messages_to(ALICE)[0]["text"] == "You said: help"
        await rig.send.interaction(click("Value an offer"))
        await fake.wait_for(lambda: fake.calls_to("views.open"))
        assert fake.calls_to("views.open")[0].params["view"]["callback_id"] == "oc.value"


async def test_a_clicked_menu_is_replaced_by_what_was_picked():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(dm_message(user=ALICE, text="practice startup"))
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        original = fake.messages_to(ALICE)[0]
        hint = next(b for b in original["blocks"] if b["type"] == "actions")["elements"][0]
        payload = block_actions(user=ALICE, value=hint["value"], channel=fake.dm_of(ALICE),
                                response_url=rig.response_url("menu"))
        payload["message"]["blocks"] = original["blocks"]
        payload["actions"][0]["text"]["text"] = "Hint"
        await rig.send.interaction(payload)
        await fake.wait_for(lambda: fake.posted)
        update = fake.posted[0].body
        assert update["replace_original"] is True
        assert not [b for b in update["blocks"] if b["type"] == "actions"]
        assert update["blocks"][-1]["elements"][0]["text"] == "✓ Hint"


async def test_past_five_answers_to_one_command_the_rest_still_arrive_ephemerally():
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.command("many", user=ALICE, channel=CHANNEL, response_url=rig.response_url("many"))
        await fake.wait_for(lambda: len(fake.posted) + len(fake.calls_to("chat.postEphemeral")) == 7)
        assert [p.body["text"] for p in fake.posted] == [f"part {i}" for i in range(1, 6)]  # Slack's limit: 5
        ephemeral = [c.params for c in fake.calls_to("chat.postEphemeral")]
        assert [(e["text"], e["user"], e["channel"]) for e in ephemeral] == [
            ("part 6", ALICE, CHANNEL), ("part 7", ALICE, CHANNEL)]


async def test_a_rate_limited_post_is_retried_and_the_reply_still_arrives():
    async with running_rig() as rig:
        fake = rig.fake
        fake.rate_limit_once.add("chat.postMessage")
        await rig.send.event(dm_message(user=ALICE, text="are you there"))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) == 2, timeout=5)
        await asyncio.sleep(0.05)
        assert _texts(fake.messages_to(ALICE)) == ["You said: are you there"] * 2  # the 429, then the retry


async def test_a_dm_is_matched_against_one_listener_and_the_rest_still_route(monkeypatch) -> None:
    """Bolt tries listeners in order, building every matcher's arguments afresh: the DM message,
    the request that comes most often, is the first one tried, with no middleware of Bolt's that
    no listener of ours uses. The others still reach theirs."""
    from slack_bolt.listener.async_listener import AsyncListener

    tried: list[str] = []
    matches = AsyncListener.async_matches

    async def counting(self, *, req, resp):  # type: ignore[no-untyped-def]
        tried.append(req.body.get("type") or "command")
        return await matches(self, req=req, resp=resp)

    monkeypatch.setattr(AsyncListener, "async_matches", counting)
    from slack_bolt.middleware.attaching_conversation_kwargs.async_attaching_conversation_kwargs import (
        AsyncAttachingConversationKwargs,
    )

    attached: list[object] = []

    async def attaching(self, *, req, resp, next):  # type: ignore[no-untyped-def]
        attached.append(req)
        return await next()

    # Bolt's assistant-thread helpers would be built for every DM; no listener of ours uses them.
    monkeypatch.setattr(AsyncAttachingConversationKwargs, "async_process", attaching)
    async with running_rig() as rig:
        fake = rig.fake
        await rig.send.event(dm_message(user=ALICE, text="hello there"))
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        assert tried == ["event_callback"]
        assert attached == []
        await rig.send.command("help", user=BOB, channel=CHANNEL, response_url=rig.response_url("c"))
        await fake.wait_for(lambda: fake.posted)
        assert fake.posted[0].body["text"] == "You said: help"
        assert tried.count("command") == 2  # the DM's listener, then the command's
        for other in ({"type": "app_uninstalled"}, {"type": "reaction_added", "user": BOB, "reaction": "tada"}):
            assert (await rig.send.event(other)).status == 200  # found further down, not a 404


async def test_posting_a_reply_builds_no_debug_line_unless_debug_logging_is_on(caplog, monkeypatch) -> None:
    """slack_sdk formats a debug line of each request and response (whole bodies) when its logger's
    own level allows it; with logging at INFO nothing is built, and at DEBUG the lines still come."""
    import logging

    from adapters.slack import clients

    built: list[object] = []
    monkeypatch.setattr(clients._WEB_API_LOG, "debug", lambda *args, **kwargs: built.append(args))
    for level, user in ((logging.INFO, ALICE), (logging.DEBUG, BOB)):
        caplog.set_level(level)
        async with running_rig() as rig:
            await rig.send.event(dm_message(user=user, text="hello there"))
            await rig.fake.wait_for(lambda: bool(rig.fake.messages_to(user)))  # noqa: B023
        if level == logging.INFO:
            assert built == []
    assert built  # at DEBUG the request and the response are still logged
