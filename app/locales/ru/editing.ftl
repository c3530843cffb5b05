# Editors' tools: the desk, the editors, history and conflicts.
