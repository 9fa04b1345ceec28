Feature: ESL article 31 — the provider abides by its own certification rules
  Article 31 sanctions a provider that does not abide by its certification
  rules. certlex holds the signature algorithms a rule statement's certificate
  profile (part 7, section 7.1) names against the certificates checked in the
  same run, read as the ones issued under it.

  Scenario: SM2 certificates checked with a statement whose profile names SM2 with SM3
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    And the certificate "corpus/certificates/good/sm2-sign.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" passes

  Scenario: An RSA certificate checked with a statement that names only SM2 with SM3
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    And the certificate "corpus/certificates/good/sm2-sign.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" fails
    And the finding for "ESL-31-CPS-CERTIFICATE-ALGORITHMS" says "sha256WithRSAEncryption"

  Scenario: A profile that names algorithms by OID
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      ## 7.1 Certificate Profile
      ### 7.1.3 Algorithm Object Identifiers
      Certificates are signed with 1.2.840.113549.1.1.11 or 1.2.840.10045.4.3.2.
      """
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    And the certificate "corpus/certificates/good/ecdsa-ee.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" passes

  Scenario: A statement checked without certificates is not held to any
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" is not applicable

  Scenario: A profile that names no algorithm certlex knows cannot be compared
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 7 Certificate, CRL, and OCSP Profiles
      Certificates follow the national standards.
      """
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-31-CPS-CERTIFICATE-ALGORITHMS" is not applicable
