"""The MkDocs side of the archive: one plugin object over the engine-free core in ../archive/."""
