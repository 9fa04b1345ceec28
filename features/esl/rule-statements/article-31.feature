Feature: ESL article 31 — the provider abides by its own certification rules
  Article 31 sanctions a provider that does not abide by its certification
  rules. certlex holds the signature algorithms a rule statement's certificate
  profile (part 7, section 7.1) names against the certificates of its own CA
  checked in the same run: those issued by the CA certificates its front
  matter lists, or by the chains its CA profile files.

  Scenario: SM2 certificates of the CA, and a profile that names SM2 with SM3
    Given a rule statement:
      """
      ---
      ca_certificates:
        - "69716f86f907f653a2dfca56e96eaea1b24ae12f502a1a676acd24f34aaf0a53"
      ---
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      ## 7.1 Certificate Profile
      Certificates are signed with SM3withSM2 (1.2.156.10197.1.501).
      """
    And the certificate "corpus/certificates/good/sm2-sign.pem"
    And the issuer certificate "corpus/certificates/ca/sm2-sub.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" passes

  Scenario: An RSA certificate of the CA, and a profile that names only SM2 with SM3
    Given a rule statement:
      """
      ---
      ca_certificates:
        - "69716f86f907f653a2dfca56e96eaea1b24ae12f502a1a676acd24f34aaf0a53"
        - "9C:E2:AB:90:CA:3E:0A:C5:87:AA:E6:82:27:88:A9:DD:94:66:73:5F:7D:54:A3:E7:2A:EC:9D:8E:72:39:D2:A6"
      ---
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      ## 7.1 Certificate Profile
      Certificates are signed with SM3withSM2.
      """
    And the certificate "corpus/certificates/good/sm2-sign.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    And the issuer certificate "corpus/certificates/ca/sm2-sub.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" fails
    And the finding for "ESL-31-CPS-CERTIFICATE-ALGORITHMS" says "sha256WithRSAEncryption"

  Scenario: Certificates of another CA checked in the same run are not held to this statement
    Given a rule statement:
      """
      ---
      ca_certificates:
        - "69716f86f907f653a2dfca56e96eaea1b24ae12f502a1a676acd24f34aaf0a53"
      ---
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      Certificates are signed with SM3withSM2.
      """
    And the certificate "corpus/certificates/good/sm2-sign.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    And the issuer certificate "corpus/certificates/ca/sm2-sub.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" passes

  Scenario: The CA's chains filed in its profile tell which certificates are its own
    Given the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    And a rule statement:
      """
      ---
      filing_number: "工信部电认备〔2024〕0933 号"
      ---
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      ## 7.1 Certificate Profile
      ### 7.1.3 Algorithm Object Identifiers
      Certificates are signed with 1.2.156.10197.1.501.
      """
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" fails

  Scenario: A statement checked without its CA's certificates is not held to any
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" is not applicable

  Scenario: A profile that names no algorithm certlex knows cannot be compared
    Given a rule statement:
      """
      ---
      ca_certificates:
        - "9ce2ab90ca3e0ac587aae6822788a9dd9466735f7d54a3e72aec9d8e7239d2a6"
      ---
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      Certificates follow the national standards.
      """
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" is not applicable
