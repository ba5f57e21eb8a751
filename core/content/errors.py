class ContentError(Exception):
    """A content file that cannot be imported, with where and why."""

    def __init__(self, message, *, file=None, item=None, field=None):
        self.message = str(message)
        self.file = file
        self.item = item
        self.field = field
        super().__init__(str(self))

    def __str__(self):
        where = [str(part) for part in (self.file, self.item, self.field) if part]
        return f"{': '.join(where)}: {self.message}" if where else self.message
