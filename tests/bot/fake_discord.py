"""A small fake Discord (gateway + REST on 127.0.0.1) that the real discord.py client connects to.

Tests dispatch real gateway events (interactions, messages) and read back what the bot sent over
REST. Anything the fake does not know answers a loud 404, so a new call shows up at once.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

import discord
import yarl
from aiohttp import WSMsgType, web

APP_ID = 900_000_000_000_000_001
BOT_ID = APP_ID
GUILD_ID = 800_000_000_000_000_001
QUESTION_CHANNEL_ID = 700_000_000_000_000_001
OTHER_CHANNEL_ID = 700_000_000_000_000_002
ADMIN_ROLE_ID = 600_000_000_000_000_001
MANAGE_GUILD = 1 << 5
BASIC_PERMISSIONS = (1 << 10) | (1 << 11)  # view channel, send messages

_ids = itertools.count(100_000_000_000_000_000)


def next_id() -> int:
    return next(_ids)


def user_payload(user_id: int, name: str, bot: bool = False) -> dict:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
    }


@dataclass
class Member:
    user_id: int
    name: str
    roles: list[int] = field(default_factory=list)
    permissions: int = BASIC_PERMISSIONS

    def payload(self) -> dict:
        return {
            "user": user_payload(self.user_id, self.name),
            "roles": [str(r) for r in self.roles],
            "flags": 0,
            "joined_at": "2025-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "permissions": str(self.permissions),
            "nick": None,
            "avatar": None,
        }


ADMIN = Member(500_000_000_000_000_001, "admin", permissions=BASIC_PERMISSIONS | MANAGE_GUILD)
ROLE_ADMIN = Member(500_000_000_000_000_002, "role-admin", roles=[ADMIN_ROLE_ID])
MEMBER = Member(500_000_000_000_000_003, "member")


@dataclass
class Interaction:
    """What the bot answered to one interaction: the callback, edits of it, followups."""

    id: int
    token: str
    callbacks: list[dict] = field(default_factory=list)
    edits: list[dict] = field(default_factory=list)
    followups: list[dict] = field(default_factory=list)
    created: float = field(default_factory=time.perf_counter)
    answered_at: float | None = None  # first response of any kind (a deferral counts)
    replied_at: float | None = None  # first message the user can see
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def messages(self) -> list[dict]:
        """Every message body the user can see, in order (callback content, edits, followups)."""
        shown = [c["data"] for c in self.callbacks if c["type"] in (4, 7) and c.get("data")]
        return shown + self.edits + self.followups

    @property
    def deferred(self) -> bool:
        return any(c["type"] in (5, 6) for c in self.callbacks)

    def last(self) -> dict:
        return self.messages()[-1]


class FakeDiscord:
    def __init__(self) -> None:
        self.app = web.Application(client_max_size=50 * 1024 * 1024)
        self.app.router.add_get("/gateway", self._gateway)
        self.app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self.app.router.add_get("/files/{name}", self._file)
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self.ready = asyncio.Event()
        self.heartbeat_interval_ms = 45_000
        self.heartbeats: list[float] = []
        self.interactions: dict[str, Interaction] = {}
        self.channel_messages: list[dict] = []  # POST /channels/{id}/messages bodies, with channel_id
        self.threads: list[dict] = []
        self.commands: dict[str, list[dict]] = {}  # "global" or guild id → synced commands
        self.requests: list[tuple[str, str]] = []
        self.unknown: list[tuple[str, str]] = []
        self.files: dict[str, bytes] = {}
        self.message_posted = asyncio.Event()
        self._saved: tuple[str, yarl.URL] | None = None
        self.valid_token: str | None = None
        self.dm_channels: dict[
            str, int
        ] = {}  # DM channel id → the member it reaches  # when set, any other token is refused with a 401

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        self._runner = web.AppRunner(self.app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        self._saved = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
        discord.http.Route.BASE = f"http://127.0.0.1:{self.port}/api/v10"
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{self.port}/gateway")

    async def stop(self) -> None:
        if self._saved:
            discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- gateway -----------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}))
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            payload = json.loads(message.data)
            op = payload["op"]
            if op == 1:
                self.heartbeats.append(time.perf_counter())
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                await self.dispatch(
                    "READY",
                    {
                        "v": 10,
                        "user": user_payload(BOT_ID, "Briefbot", bot=True),
                        "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                        "session_id": "session",
                        "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                        "application": {"id": str(APP_ID), "flags": 0},
                        "private_channels": [],
                    },
                )
                await self.dispatch("GUILD_CREATE", self._guild())
                self.ready.set()
            elif op == 6:
                await self.dispatch("RESUMED", {})
        return ws

    async def dispatch(self, event: str, data: dict) -> None:
        self._seq += 1
        assert self._ws is not None, "the bot is not connected"
        await self._ws.send_str(json.dumps({"op": 0, "t": event, "s": self._seq, "d": data}))

    def _guild(self) -> dict:
        def channel(channel_id: int, name: str, position: int) -> dict:
            return {
                "id": str(channel_id),
                "type": 0,
                "name": name,
                "position": position,
                "permission_overwrites": [],
                "guild_id": str(GUILD_ID),
                "nsfw": False,
                "parent_id": None,
                "topic": None,
                "last_message_id": None,
            }

        role = {
            "id": str(GUILD_ID),
            "name": "@everyone",
            "permissions": str(BASIC_PERMISSIONS),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
        }
        admin_role = dict(role, id=str(ADMIN_ROLE_ID), name="Brief admins", position=1)
        members = [ADMIN, ROLE_ADMIN, MEMBER]
        return {
            "id": str(GUILD_ID),
            "name": "Analysts",
            "icon": None,
            "owner_id": str(ADMIN.user_id),
            "roles": [role, admin_role],
            "emojis": [],
            "stickers": [],
            "features": [],
            "channels": [
                channel(QUESTION_CHANNEL_ID, "questions", 0),
                channel(OTHER_CHANNEL_ID, "general", 1),
            ],
            "threads": [],
            "member_count": len(members) + 1,
            "large": False,
            "members": [m.payload() for m in members]
            + [
                {
                    "user": user_payload(BOT_ID, "Briefbot", bot=True),
                    "roles": [],
                    "flags": 0,
                    "joined_at": "2025-01-01T00:00:00+00:00",
                    "deaf": False,
                    "mute": False,
                }
            ],
            "voice_states": [],
            "presences": [],
            "unavailable": False,
            "premium_tier": 0,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "system_channel_flags": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }

    # -- what tests send ---------------------------------------------------------------------
    def _interaction_base(self, kind: int, member: Member, channel_id: int) -> tuple[dict, Interaction]:
        record = Interaction(next_id(), f"token-{next_id()}")
        self.interactions[record.token] = record
        payload = {
            "id": str(record.id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": record.token,
            "version": 1,
            "attachment_size_limit": 25 * 1024 * 1024,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": {"id": str(channel_id), "type": 0, "guild_id": str(GUILD_ID)},
            "member": member.payload(),
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": str((1 << 53) - 1),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
        }
        return payload, record

    async def slash(
        self,
        name: str,
        options: list[dict] | None = None,
        *,
        member: Member = MEMBER,
        channel_id: int = OTHER_CHANNEL_ID,
        resolved: dict | None = None,
        autocomplete: bool = False,
    ) -> Interaction:
        """Send a slash command (type 2) or an autocomplete request (type 4)."""
        payload, record = self._interaction_base(4 if autocomplete else 2, member, channel_id)
        data = {
            "id": str(next_id()),
            "name": name,
            "type": 1,
            "guild_id": str(GUILD_ID),
            "options": options or [],
        }
        if resolved:
            data["resolved"] = resolved
        payload["data"] = data
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    async def click(self, message: dict, custom_id: str, *, member: Member = MEMBER) -> Interaction:
        """Click a button of a message the bot sent."""
        channel_id = int(message.get("channel_id", OTHER_CHANNEL_ID))
        payload, record = self._interaction_base(3, member, channel_id)
        payload["message"] = self._message_payload(message, channel_id)
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    async def user_message(
        self,
        content: str,
        *,
        member: Member = MEMBER,
        channel_id: int = QUESTION_CHANNEL_ID,
        mentions_bot: bool = False,
    ) -> dict:
        message = {
            "id": str(next_id()),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "type": 0,
            "content": content,
            "author": user_payload(member.user_id, member.name),
            "member": {k: v for k, v in member.payload().items() if k != "user"},
            "mentions": [user_payload(BOT_ID, "Briefbot", bot=True)] if mentions_bot else [],
            "mention_roles": [],
            "mention_everyone": False,
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "tts": False,
            "timestamp": "2025-11-01T00:00:00+00:00",
            "edited_timestamp": None,
            "flags": 0,
            "components": [],
        }
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    def serve_file(self, name: str, data: bytes) -> dict:
        """Host an attachment and return its payload for a slash command's `resolved`."""
        file_id = str(next_id())
        self.files[file_id] = data
        url = f"{self.base_url}/files/{file_id}"
        return {
            "id": file_id,
            "filename": name,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": "text/markdown",
        }

    async def _file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["name"]
        if file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id])

    # -- waiting -----------------------------------------------------------------------------
    async def wait_until(self, predicate, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the bot")
            await asyncio.sleep(0.01)

    async def reply(self, record: Interaction, count: int = 1, timeout: float = 10.0) -> dict:
        """Wait until the interaction shows `count` messages; returns the last."""
        await self.wait_until(lambda: len(record.messages()) >= count, timeout)
        return record.messages()[count - 1]

    # -- REST --------------------------------------------------------------------------------
    def _message_payload(self, body: dict, channel_id: int | str, message_id: str | None = None) -> dict:
        return {
            "id": message_id or body.get("id") or str(next_id()),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "type": 0,
            "content": body.get("content") or "",
            "author": user_payload(BOT_ID, "Briefbot", bot=True),
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": "2025-11-01T00:00:00+00:00",
            "edited_timestamp": None,
            "flags": body.get("flags") or 0,
            "webhook_id": str(APP_ID),
        }

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        method = request.method
        self.requests.append((method, path))
        body = await _body(request)
        parts = path.strip("/").split("/")
        if method == "GET" and path == "/users/@me":
            if self.valid_token and request.headers.get("Authorization") != f"Bot {self.valid_token}":
                return web.Response(
                    status=401,
                    body=b'{"message": "401: Unauthorized", "code": 0}',
                    headers={"Content-Type": "application/json"},
                )
            return _json(user_payload(BOT_ID, "Briefbot", bot=True))
        if method == "GET" and path == "/oauth2/applications/@me":
            return _json(
                {
                    "id": str(APP_ID),
                    "name": "Briefbot",
                    "description": "",
                    "icon": None,
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "owner": user_payload(ADMIN.user_id, "admin"),
                    "verify_key": "k",
                    "flags": 0,
                }
            )
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            scope = parts[3] if len(parts) == 5 else "global"
            synced = [dict(c, id=str(next_id()), application_id=str(APP_ID), version="1") for c in body]
            self.commands[scope] = synced
            return _json(synced)
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            record = self.interactions[parts[2]]
            record.callbacks.append(body)
            self._answered(record)
            result: dict[str, Any] = {"interaction": {"id": str(record.id), "type": 2}}
            if body["type"] in (4, 7):
                result["resource"] = {
                    "type": body["type"],
                    "message": self._message_payload(body.get("data") or {}, OTHER_CHANNEL_ID),
                }
            return _json(result)
        if parts[0] == "webhooks" and len(parts) >= 3:
            record = self.interactions[parts[2]]
            if method == "POST" and len(parts) == 3:
                record.followups.append(body)
                self._answered(record)
                return _json(self._message_payload(body, OTHER_CHANNEL_ID))
            if method == "PATCH" and parts[-1] == "@original":
                record.edits.append(body)
                self._answered(record)
                return _json(self._message_payload(body, OTHER_CHANNEL_ID))
            if method == "PATCH":
                record.edits.append(body)
                self._answered(record)
                return _json(self._message_payload(body, OTHER_CHANNEL_ID, parts[-1]))
        if method == "POST" and parts[0] == "channels" and parts[-1] == "threads":
            thread = {
                "id": str(next_id()),
                "type": 11,
                "guild_id": str(GUILD_ID),
                "parent_id": parts[1],
                "name": body["name"],
                "owner_id": str(BOT_ID),
                "message_count": 0,
                "member_count": 1,
                "rate_limit_per_user": 0,
                "thread_metadata": {
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": "2025-11-01T00:00:00+00:00",
                    "locked": False,
                },
                "last_message_id": None,
                "flags": 0,
            }
            self.threads.append(thread)
            await self.dispatch("THREAD_CREATE", dict(thread, newly_created=True))
            return _json(thread)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            message = self._message_payload(body, parts[1])
            message.pop("webhook_id")
            self.channel_messages.append(dict(body, channel_id=parts[1], id=message["id"]))
            self.message_posted.set()
            return _json(message)
        if method == "PATCH" and parts[0] == "channels" and parts[2] == "messages":
            self.channel_messages.append(dict(body, channel_id=parts[1], id=parts[3], edit=True))
            return _json(self._message_payload(body, parts[1], parts[3]))
        if method == "POST" and path == "/users/@me/channels":
            recipient = body["recipient_id"]
            channel = {
                "id": str(next_id()),
                "type": 1,
                "last_message_id": None,
                "recipients": [user_payload(int(recipient), f"user{recipient}")],
            }
            self.dm_channels[channel["id"]] = int(recipient)
            return _json(channel)
        if method == "GET" and parts[0] == "users" and len(parts) == 2:
            return _json(user_payload(int(parts[1]), f"user{parts[1]}"))
        if method == "GET" and parts[0] == "channels" and len(parts) == 2:
            channel = next((c for c in self._guild()["channels"] if c["id"] == parts[1]), None)
            if channel is None:
                return web.Response(
                    status=404,
                    body=b'{"message": "Unknown Channel", "code": 10003}',
                    headers={"Content-Type": "application/json"},
                )
            return _json(dict(channel, guild_id=str(GUILD_ID)))
        if method == "POST" and parts[0] == "channels" and parts[-1] == "typing":
            return web.Response(status=204)
        self.unknown.append((method, path))
        return web.Response(
            status=404,
            text=json.dumps({"message": f"fake: no route {method} {path}", "code": 0}),
            content_type="application/json",
        )

    def _answered(self, record: Interaction) -> None:
        now = time.perf_counter()
        if record.answered_at is None:
            record.answered_at = now
        if record.replied_at is None and record.messages():
            record.replied_at = now
        record.changed.set()


async def _body(request: web.Request) -> Any:
    if not request.can_read_body:
        return None
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        payload: dict = {}
        files = []
        while (part := await reader.next()) is not None:
            if part.name == "payload_json":
                payload = json.loads(await part.text())
            else:
                files.append({"filename": part.filename, "data": await part.read()})
        if files:
            payload["_files"] = files  # uploaded files, for tests to look at
        return payload
    raw = await request.read()
    return json.loads(raw) if raw else None


def _json(data: Any) -> web.Response:
    # discord.py reads a body as JSON only when Content-Type is exactly application/json.
    return web.Response(body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})
