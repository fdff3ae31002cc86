"""The one error every step of backing up and restoring raises."""


class BackupError(Exception):
    """Something the person running the command can fix; nothing has been changed."""
