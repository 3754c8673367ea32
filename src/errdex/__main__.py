"""``python -m errdex`` runs the command line."""

from errdex.cli.main import main

if __name__ == "__main__":
    main()
