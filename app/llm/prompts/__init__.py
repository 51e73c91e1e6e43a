"""One module per LLM task: its prompt builder and the pydantic model of its structured answer."""
