Feature: The issuance pipeline — before signing, requests, and revocation lists
  A CA lints a certificate before it signs it (the TBSCertificate alone, or a
  precertificate it logs), examines the request it issues from (ESL 20
  para 2: it examines the relevant materials), and publishes CRLs from which
  relying parties learn whether a certificate has been revoked (ESL 22:
  relying parties can learn what a certificate records "and other relevant
  matters"). The fixtures are in corpus/pipeline/ (see its README).

  Background:
    Given the current regime
    And the check date 2026-06-01

  Scenario: Every certificate rule runs on a to-be-signed certificate; the signature rules do not apply
    Given the to-be-signed certificate "corpus/pipeline/tbs/rsa-ee.tbs.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    Then rule "ESL-21-2" passes
    And rule "ESL-22-CHAIN-NAMES" passes
    And rule "ESL-22-CHAIN-VALIDITY" passes
    And rule "ESL-21-6" is not applicable
    And rule "ESL-22-SIGNATURE-ALGORITHM-MATCH" is not applicable
    And it conforms

  Scenario: A to-be-signed certificate without a holder name fails before it is signed
    Given the to-be-signed certificate "corpus/pipeline/tbs/esl-21-2-no-holder-name.tbs.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-21-2" fails

  Scenario: A precertificate with a critical poison extension
    Given the certificate "corpus/pipeline/precert/rsa-ee.precert.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "PRECERT-POISON-CRITICAL" passes
    And rule "ESL-21-6" passes

  Scenario: A precertificate whose poison extension is not critical
    Given the certificate "corpus/pipeline/precert/poison-not-critical.precert.pem"
    Then rule "PRECERT-POISON-CRITICAL" fails

  Scenario: A well-made RSA request
    Given the certification request "corpus/pipeline/csr/rsa.csr.pem"
    Then rule "CSR-HOLDER-NAME" passes
    And rule "CSR-KEY-USABLE" passes
    And rule "CSR-KEY-ALGORITHM" passes
    And rule "CSR-PROOF-OF-POSSESSION" passes
    And rule "CSR-EXTENSIONS-DECODE" passes
    And rule "CSR-SM2-SIGNATURE" is not applicable
    And it conforms

  Scenario: An SM2 request signed with SM2 and SM3
    Given the certification request "corpus/pipeline/csr/sm2.csr.pem"
    Then rule "CSR-SM2-SIGNATURE" passes
    And rule "CSR-PROOF-OF-POSSESSION" passes

  Scenario: A request without a holder name
    Given the certification request "corpus/pipeline/csr/no-holder-name.csr.pem"
    Then rule "CSR-HOLDER-NAME" fails

  Scenario: A request for an RSA key of 1024 bits
    Given the certification request "corpus/pipeline/csr/rsa-1024.csr.pem"
    Then rule "CSR-KEY-ALGORITHM" fails
    And the finding for "CSR-KEY-ALGORITHM" says "1,024 bits"

  Scenario: A request whose signature does not verify shows no possession of the key
    Given the certification request "corpus/pipeline/csr/bad-signature.csr.der"
    Then rule "CSR-PROOF-OF-POSSESSION" fails

  Scenario: A request whose SM2 key is not on the curve
    Given the certification request "corpus/pipeline/csr/sm2-key-off-curve.csr.der"
    Then rule "CSR-KEY-USABLE" fails

  Scenario: A request for an SM2 key signed with ECDSA and SHA-256
    Given the certification request "corpus/pipeline/csr/sm2-key-ecdsa-signature.csr.der"
    Then rule "CSR-SM2-SIGNATURE" fails

  Scenario: A request asking for an extension that does not decode
    Given the certification request "corpus/pipeline/csr/extension-does-not-decode.csr.pem"
    Then rule "CSR-EXTENSIONS-DECODE" fails

  Scenario: A current CRL signed by its CA
    Given the CRL "corpus/pipeline/crl/rsa-root.crl.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "CRL-SIGNATURE" passes
    And rule "CRL-SIGNATURE-ALGORITHM-MATCH" passes
    And rule "CRL-ISSUER-NAME" passes
    And rule "CRL-ISSUER-CRL-SIGN" passes
    And rule "CRL-CURRENT" passes
    And rule "CRL-UPDATE-TIMES" passes
    And rule "CRL-VERSION" passes
    And rule "CRL-NUMBER" passes
    And rule "CRL-AUTHORITY-KEY-ID" passes
    And rule "CRL-REASON-CODES" passes
    And rule "CRL-EXTENSIONS" passes
    And it conforms

  Scenario: Without its CA's certificate a CRL's signature is undetermined
    Given the CRL "corpus/pipeline/crl/rsa-root.crl.pem"
    Then rule "CRL-SIGNATURE" is undetermined

  Scenario: An SM2 CRL signed with SM2 and SM3
    Given the CRL "corpus/pipeline/crl/sm2-sub.crl.pem"
    And the issuer certificate "corpus/certificates/ca/sm2-sub.pem"
    Then rule "CRL-SIGNATURE" passes
    And it conforms

  Scenario: A CRL whose signature does not verify
    Given the CRL "corpus/pipeline/crl/bad-signature.crl.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "CRL-SIGNATURE" fails

  Scenario: A CRL whose signature algorithm was changed outside its signed part
    Given the CRL "corpus/pipeline/crl/algorithm-mismatch.crl.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "CRL-SIGNATURE-ALGORITHM-MATCH" fails
    And the finding for "CRL-SIGNATURE-ALGORITHM-MATCH" says "differs from the one in its signed part"

  Scenario: A stale CRL
    Given the CRL "corpus/pipeline/crl/stale.crl.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "CRL-CURRENT" fails
    And the finding for "CRL-CURRENT" says "stale"

  Scenario: A CRL whose nextUpdate is before its thisUpdate
    Given the CRL "corpus/pipeline/crl/next-before-this.crl.pem"
    Then rule "CRL-UPDATE-TIMES" fails

  Scenario: A version 1 CRL has no CRL number and no authority key identifier
    Given the CRL "corpus/pipeline/crl/v1.crl.pem"
    Then rule "CRL-VERSION" fails
    And rule "CRL-NUMBER" fails
    And rule "CRL-AUTHORITY-KEY-ID" fails

  Scenario: A CRL signed by a certificate not allowed to sign CRLs
    Given the CRL "corpus/pipeline/crl/signer-without-crl-sign.crl.pem"
    And the issuer certificate "corpus/certificates/ca/ee-used-as-issuer.pem"
    Then rule "CRL-ISSUER-CRL-SIGN" fails

  Scenario: A CRL whose issuer name is not its CA's
    Given the CRL "corpus/pipeline/crl/issuer-name-differs.crl.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "CRL-ISSUER-NAME" fails

  Scenario: A CRL entry with reason code 7
    Given the CRL "corpus/pipeline/crl/reason-code-7.crl.der"
    Then rule "CRL-REASON-CODES" fails

  Scenario: A CRL with an unknown critical extension
    Given the CRL "corpus/pipeline/crl/unknown-critical-extension.crl.pem"
    Then rule "CRL-EXTENSIONS" fails
