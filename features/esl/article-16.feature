Feature: ESL Article 16 and Article 18(1) — certification is provided by a lawfully established provider that holds a permit

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A CA that names its electronic certification permit holds one
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-16-PERMIT" passes

  Scenario: A CA whose profile names no permit is not shown to be lawfully established
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "permit"
    When it is checked under the current regime
    Then rule "ESL-16-PERMIT" fails
    And the finding for "ESL-16-PERMIT" says "names no electronic certification permit"
    And rule "ESL-18-PERMIT-VALID" is not applicable
    And it does not conform

  Scenario: A provider established outside the PRC is not checked for a PRC permit
    Given the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-16-PERMIT" is not applicable

  # Certificates: the provider that issued one held its permit then
  # (rule ESL-16-LICENSED-ISSUER).

  Scenario: A certificate issued while its provider's permit was valid
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: certlex 测试认证有限公司
        jurisdiction: CN
      permit:
        number: ECP00000000000001
        issued: 2024-01-01
        expires: 2029-01-01
      ca_certificates:
        - name: certlex Test RSA Root
          sha256: 9ce2ab90ca3e0ac587aae6822788a9dd9466735f7d54a3e72aec9d8e7239d2a6
      """
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    When it is checked
    Then rule "ESL-16-LICENSED-ISSUER" passes

  Scenario: A certificate issued before its provider held a permit
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: certlex 测试认证有限公司
        jurisdiction: CN
      permit:
        number: ECP00000000000001
        issued: 2025-07-01
        expires: 2030-07-01
      ca_certificates:
        - name: certlex Test RSA Root
          sha256: 9ce2ab90ca3e0ac587aae6822788a9dd9466735f7d54a3e72aec9d8e7239d2a6
      """
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    When it is checked
    Then rule "ESL-16-LICENSED-ISSUER" fails
    And the finding for "ESL-16-LICENSED-ISSUER" says "held no electronic certification permit on the day it issued it (2025-06-01; permit ECP00000000000001: issued 2025-07-01, ended 2030-07-01)"
    And it does not conform

  Scenario: Where neither a CA profile nor the register knows the provider, the finding is undetermined
    Given the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    When it is checked
    Then rule "ESL-16-LICENSED-ISSUER" is undetermined
    And the finding for "ESL-16-LICENSED-ISSUER" says "add a register entry with `--register`"

  Scenario: A CA certificate is not an electronic signature certificate
    Given the certificate "corpus/certificates/ca/rsa-root.pem"
    When it is checked
    Then rule "ESL-16-LICENSED-ISSUER" is not applicable
