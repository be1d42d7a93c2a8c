"""Records that can sit under another of their kind (a board's parent board, a sub-priority's priority)."""


def parent_chain_loops(record) -> bool:
    """Whether following `parent` up from the record comes round again: it would be its own ancestor."""
    seen, current = {record.pk}, record.parent
    while current is not None:
        if current.pk in seen:
            return True
        seen.add(current.pk)
        current = current.parent
    return False
