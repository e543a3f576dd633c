"""Team career channels: scheduled tips and challenges, shared checklists, opt-in team stats, mutes.

- :mod:`bot.teams.schedule`: when a post is due (weekday, local time, IANA zone, weekly/biweekly);
- :mod:`bot.teams.commands`: the channel commands as typed;
- :mod:`bot.teams.storage`: the rows (store migration 3);
- :mod:`bot.teams.service`: :class:`TeamService`, what adapters call;
- :mod:`bot.teams.scheduler`: the per-adapter loop that posts what is due.

Nothing here imports a platform library; adapters render the neutral replies.
"""
