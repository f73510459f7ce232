"""importlib.machinery for minipy: the classes of the import system's
objects (specs and loaders).  They describe modules; loading itself is
done by the C import system."""
from _imp import ModuleSpec, SourceFileLoader, NamespaceLoader, \
    BuiltinImporter

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = []
EXTENSION_SUFFIXES = []


def all_suffixes():
    """The suffixes of the files the import system loads."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
