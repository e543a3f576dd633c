"""The `offer-coach` command line: the process entry point that wires the core to an adapter.

It sits outside bot/ because it imports the adapters; bot/ never imports it.
"""
