"""The ``errdex`` command line: thin commands over the layers below."""
