Feature: The 2024 draft Measures, Chapter 6 (Cross-Border Mutual Recognition) — what an application for recognition documents (article number not known)

  Background:
    Given the law as in force on 2025-06-01

  Scenario: An application documenting qualifications, certificate type, technical standards and scenarios
    Given a CA profile like "corpus/ca-profiles/foreign-ca.yaml" with "recognitions" set to [{issuer: Rheinland Trust Services GmbH, country: DE, basis: reciprocity, certificate_type: qualified certificate for electronic seals, qualifications: RTS-CAR-2024-11, technical_standards: [ETSI EN 319 411-2], scenarios: [customs declarations]}]
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH6-RECOGNITION-DOSSIER" passes

  Scenario: An application that does not yet document the scenarios of use
    Given the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH6-RECOGNITION-DOSSIER" fails
    And it does not conform

  Scenario: An application without the foreign provider's qualifications
    Given a CA profile like "corpus/ca-profiles/foreign-ca.yaml" with "recognitions" set to [{issuer: Rheinland Trust Services GmbH, certificate_type: qualified certificate for electronic seals, technical_standards: [ETSI EN 319 411-2], scenarios: [customs declarations]}]
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH6-RECOGNITION-DOSSIER" fails

  Scenario: A CA that seeks no recognition
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH6-RECOGNITION-DOSSIER" is not applicable

  Scenario: Under the Measures of 2015 only ESL 26's approval applies
    Given the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the current regime
    Then rule "DRAFT-CH6-RECOGNITION-DOSSIER" is not in force
    And rule "ESL-26-APPROVED" fails
