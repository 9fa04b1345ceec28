Feature: ESL Article 26 — certificates issued outside the PRC have equal effect once the regulator approves them

  Background:
    Given the law as in force on 2025-06-01

  Scenario: Foreign certificates approved under an agreement
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Lion City Trust Pte. Ltd.
        jurisdiction: SG
      recognitions:
        - issuer: Lion City Trust Pte. Ltd.
          country: SG
          basis: agreement
          certificate_type: signing certificates for trade documents
          qualifications: IMDA accreditation certificate LCT-2023-07
          technical_standards: [ETSI EN 319 411-1]
          scenarios: [cross-border trade documents]
          approval: 工信部电认函〔2025〕12 号
          approved: 2025-03-18
      """
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" passes
    And it conforms

  Scenario: A foreign provider whose application is still pending
    Given the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" fails
    And the finding for "ESL-26-APPROVED" says "until approved"

  Scenario: A domestic CA that relies on no foreign certificates
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" is not applicable
