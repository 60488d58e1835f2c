"""``python -m growtui`` and the ``growtui`` command."""

from growtui.cli import main

if __name__ == "__main__":
    main()
