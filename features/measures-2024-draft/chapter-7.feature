Feature: The 2024 draft Measures — certificate chains filed with the regulator (a failure penalised in Chapter 7, Legal Liability; the article setting the duty is not known)

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A CA listing its filed chains with their filing dates
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CHAINS-FILED" passes

  Scenario: A CA that lists no filed chain
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "filed_chains" set to []
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CHAINS-FILED" fails
    And the finding for "DRAFT-CHAINS-FILED" says "penalises failing to file certificate chains"

  Scenario: A chain whose filing date is not given
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "filed_chains" set to [{name: Huaxin SM2 Root CA, sha256: "3f6b1c0e8a9d2f4b7c5e1a0d9b8c7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6"}]
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CHAINS-FILED" fails

  Scenario: The Measures of 2015 as known to certlex set no such duty
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "filed_chains" set to []
    When it is checked under the current regime
    Then rule "DRAFT-CHAINS-FILED" is not in force

  # Certificates checked with their CA's profile in the same run
  # (rule DRAFT-CERT-CHAIN-FILED): the chain must be one the profile filed.

  Scenario: A certificate whose root the CA profile of the same run lists as filed
    Given the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CERT-CHAIN-FILED" passes

  Scenario: The filed root certificate itself
    Given the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    And the certificate "corpus/certificates/ca/rsa-root.pem"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CERT-CHAIN-FILED" passes

  Scenario: A certificate of a chain the profile did not file
    Given the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    And the issuer certificate "corpus/certificates/ca/ecdsa-root.pem"
    And the certificate "corpus/certificates/good/ecdsa-ee.pem"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CERT-CHAIN-FILED" fails
    And the finding for "DRAFT-CERT-CHAIN-FILED" says "among the chains the CA profiles of this run list as filed"

  Scenario: A certificate whose issuer is not among the inputs, with no filed match
    Given the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    And the certificate "corpus/certificates/good/ecdsa-ee.pem"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CERT-CHAIN-FILED" is undetermined

  Scenario: Without its CA's profile, which chains were filed is not known
    Given the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the certificate "corpus/certificates/good/rsa-ee.pem"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CERT-CHAIN-FILED" is undetermined
    And the finding for "DRAFT-CERT-CHAIN-FILED" says "no CA profile in this run lists the chains filed"

  Scenario: The Measures of 2015 as known to certlex ask no filed chain of a certificate
    Given the issuer certificate "corpus/certificates/ca/ecdsa-root.pem"
    And the certificate "corpus/certificates/good/ecdsa-ee.pem"
    When it is checked under the current regime
    Then rule "DRAFT-CERT-CHAIN-FILED" is not in force
