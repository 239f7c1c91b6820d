"""The kinematic chain: symbolic derivation (``derivation``), generated numpy code
(``_generated``, written by ``codegen``) and its numeric wrapper (``chain``)."""
