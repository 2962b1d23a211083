#!/usr/bin/python3
"""A small window that offers files to drag, as a file manager does (text/uri-list).

    drag-source.py X Y FILE...

Opens at (X, Y); the test drags from its middle to the app with xdotool. Prints
"ready" once the window is on screen."""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

x, y, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
uris = [Path(f).resolve().as_uri() for f in files]

win = Gtk.Window(title="drag-source")
win.set_default_size(200, 120)
win.move(x, y)
box = Gtk.EventBox()
box.add(Gtk.Label(label=f"{len(uris)} tệp"))
box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
box.drag_source_add_uri_targets()
box.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
box.connect("drag-end", lambda *_: GLib.timeout_add(500, Gtk.main_quit))
win.add(box)
win.connect("destroy", Gtk.main_quit)
win.show_all()
GLib.timeout_add(300, lambda: print("ready", flush=True) and False)
Gtk.main()
