"""Who may run admin commands: checked in code on every call, from what Discord sends."""

from __future__ import annotations

import discord


def is_admin(interaction: discord.Interaction, admin_role_ids: list[int]) -> bool:
    """Manage Server (or Administrator) in this guild, or one of the configured admin roles.

    `default_member_permissions` only hides commands in the client and guild admins can change it,
    so it is never relied on.
    """
    if interaction.guild is None or not isinstance(interaction.user, discord.Member):
        return False
    permissions = interaction.permissions
    if permissions.manage_guild or permissions.administrator:
        return True
    return any(role.id in admin_role_ids for role in interaction.user.roles)
