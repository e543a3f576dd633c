"""A whole practice through Slack with the real engine: slash command in a channel, scenario picked
from the menu, the role-play in the DM, the End button, the debrief, and App Home afterwards."""

from __future__ import annotations

from bot.engine import Engine
from tests.support.fake_slack import app_home_opened, block_actions, dm_message
from tests.support.harness import shipped
from tests.support.slack_rig import running_rig

ALICE = "UALICE0001"
CHANNEL = "CGENERAL01"


def _actions(message: dict) -> list[dict]:
    return [e for b in message.get("blocks", []) if b["type"] == "actions" for e in b["elements"]]


async def test_a_whole_practice_from_slash_command_to_debrief():
    playbooks, understander = shipped()
    async with running_rig(Engine(playbooks, understander)) as rig:
        fake = rig.fake
        dm = fake.dm_of(ALICE)

        await rig.send.command("practice", user=ALICE, channel=CHANNEL, response_url=rig.response_url("cmd"))
        await fake.wait_for(lambda: fake.messages_to(ALICE) and fake.posted)
        assert "direct messages" in fake.posted[0].body["text"]
        menu = _actions(fake.messages_to(ALICE)[0])[0]
        assert menu["type"] == "static_select"  # seven scenarios: a menu, not seven buttons
        growth = next(o for o in menu["options"] if "growth_startup" in o["value"])

        await rig.send.interaction(block_actions(user=ALICE, value=growth["value"], channel=dm, select=True,
                                                 response_url=rig.response_url("pick")))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) >= 3)
        briefing, opening = fake.messages_to(ALICE)[1:3]
        assert [e["text"]["text"] for e in _actions(briefing)][-1] == "End and debrief"
        assert "Maya Chen" in opening["text"]
        assert any("The offer" in b.get("text", {}).get("text", "") for b in opening["blocks"])

        ask = "I'm excited about the role. Market data says 160-170k base, so I'd like 165k"
        await rig.send.event(dm_message(user=ALICE, text=ask))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) >= 4)
        counter = fake.messages_to(ALICE)[3]
        assert counter["text"].startswith("Maya Chen: ") and "$" in counter["text"]

        end = next(e for e in _actions(briefing) if e["text"]["text"] == "End and debrief")
        await rig.send.interaction(block_actions(user=ALICE, value=end["value"], channel=dm,
                                                 response_url=rig.response_url("end")))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) >= 5)
        debrief = fake.messages_to(ALICE)[4]
        assert debrief["blocks"][0]["type"] == "header"
        assert debrief["blocks"][0]["text"]["text"].startswith("Your scorecard: ")
        assert len(debrief["blocks"]) <= 50

        await rig.send.event(app_home_opened(user=ALICE))
        await fake.wait_for(lambda: fake.calls_to("views.publish"))
        home = str(fake.calls_to("views.publish")[0].params["view"])
        assert "Practices done: 1" in home and "growth startup" in home


async def test_a_practice_in_a_channel_thread_stays_in_that_thread():
    from tests.support.fake_slack import app_mention

    playbooks, understander = shipped()
    async with running_rig(Engine(playbooks, understander)) as rig:
        fake = rig.fake
        root = "1700000200.000200"

        def in_thread() -> list[dict]:
            return [c.params for c in fake.calls_to("chat.postMessage") if c.params.get("thread_ts") == root]

        await rig.send.event(app_mention(user=ALICE, text="<@UBOTC0ACH> practice growth_startup",
                                         channel=CHANNEL, ts=root))
        await fake.wait_for(lambda: len(in_thread()) >= 2)
        assert all(p["channel"] == CHANNEL for p in in_thread())
        hint = next(e for e in _actions(in_thread()[0]) if e["text"]["text"] == "Hint")

        await rig.send.event(app_mention(user=ALICE, text="<@UBOTC0ACH> I'd like 165k base, market data backs it",
                                         channel=CHANNEL, ts="1700000201.000000", thread_ts=root))
        await fake.wait_for(lambda: len(in_thread()) >= 3)
        assert in_thread()[2]["text"].startswith("Maya Chen: ")

        await rig.send.interaction(block_actions(user=ALICE, value=hint["value"], channel=CHANNEL, thread_ts=root,
                                                 response_url=rig.response_url("hint")))
        await fake.wait_for(lambda: len(in_thread()) >= 4)
        assert "Hint" in in_thread()[3]["text"]
        assert not fake.messages_to(ALICE)  # nothing went to the DM


async def test_the_offer_form_values_an_offer_and_home_shows_it():
    from tests.support.fake_slack import view_submission

    playbooks, understander = shipped()
    async with running_rig(Engine(playbooks, understander)) as rig:
        fake = rig.fake
        values = {"currency": {"v": {"type": "static_select", "selected_option": {"value": "EUR"}}},
                  "base": {"v": {"type": "plain_text_input", "value": "120k"}},
                  "pto": {"v": {"type": "plain_text_input", "value": "25"}},
                  "remote": {"v": {"type": "plain_text_input", "value": "2"}}}
        sent = await rig.send.interaction(view_submission(user=ALICE, callback_id="oc.value", values=values,
                                                          private_metadata=ALICE))
        assert sent.status == 200
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        valued = fake.messages_to(ALICE)[0]
        table = next(b["text"]["text"] for b in valued["blocks"] if b.get("text", {}).get("text", "").startswith("```"))
        assert "Base salary" in table and "Paid time off" in table and "€" in table

        await rig.send.event(app_home_opened(user=ALICE))
        await fake.wait_for(lambda: fake.calls_to("views.publish"))
        assert "Your last offer valued: *" in str(fake.calls_to("views.publish")[0].params["view"])
