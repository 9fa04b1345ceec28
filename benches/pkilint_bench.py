"""Time pkilint's RFC 5280 certificate validator in-process over a directory
of PEM certificates: the validator is built once, then every certificate is
loaded and validated. Prints certificates, seconds, certificates per second
(wall) and per second of CPU time (one core).

Usage: python pkilint_bench.py DIR
"""

import pathlib
import sys
import time

from pkilint import loader
from pkilint.pkix import certificate, extension, name


def main() -> int:
    files = sorted(pathlib.Path(sys.argv[1]).glob("*.pem"))
    validator = certificate.create_pkix_certificate_validator_container(
        certificate.create_decoding_validators(name.ATTRIBUTE_TYPE_MAPPINGS, extension.EXTENSION_MAPPINGS),
        [
            certificate.create_issuer_validator_container([]),
            certificate.create_validity_validator_container(),
            certificate.create_subject_validator_container([]),
            certificate.create_extensions_validator_container([]),
            certificate.create_spki_validator_container([]),
        ],
    )
    load = loader.RFC5280CertificateDocumentLoader()
    findings = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for f in files:
        cert = load.load_pem_document(f.read_text(), str(f))
        results = validator.validate(cert.root)
        findings += sum(len(r.finding_descriptions) for r in results)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(
        f"pkilint {len(files)} certificates {elapsed:.3f} s {len(files) / elapsed:.1f} certificates/s"
        f" cpu {len(files) / cpu:.1f} certificates/s findings {findings}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
