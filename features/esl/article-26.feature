Feature: ESL article 26 — certificates issued outside the PRC need approval (certificates and CA profiles)
  Article 26: a certificate issued by a provider outside the PRC has the same
  effect as a domestic one after the department in charge approves it. An
  issuer outside the mainland (its country is not CN; Hong Kong, Macao and
  Taiwan included) needs evidence of that approval.

  # The passing case: an approval stated by a CA profile checked in the same
  # run (the run context carries it from the profile to the certificate).

  Scenario: A domestic issuer needs no approval
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-26-FOREIGN-ISSUER" is not applicable

  Scenario: A certificate from a foreign issuer needs evidence of approval
    Given the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    Then rule "ESL-26-FOREIGN-ISSUER" needs evidence
    And it does not conform

  Scenario: A Hong Kong issuer is outside the mainland regime
    Given the certificate "corpus/certificates/bad/esl-26-hong-kong-issuer.pem"
    Then rule "ESL-26-FOREIGN-ISSUER" needs evidence

  Scenario: A foreign issuer approved in a CA profile checked in the same run
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Example Foreign Trust Inc
        jurisdiction: US
      recognitions:
        - issuer: Example Foreign Trust Inc
          country: US
          basis: reciprocity
          approval: 工信部电认函〔2025〕31 号
      """
    And the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    Then rule "ESL-26-FOREIGN-ISSUER" passes

  Scenario: A foreign issuer whose recognition a CA profile lists as still pending
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Example Foreign Trust Inc
        jurisdiction: US
      recognitions:
        - issuer: Example Foreign Trust Inc
          country: US
          basis: reciprocity
      """
    And the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    Then rule "ESL-26-FOREIGN-ISSUER" needs evidence

  # CA profiles: the recognitions a profile lists (rule ESL-26-APPROVED).

  Scenario: A CA profile of a foreign provider whose certificates are approved under an agreement
    Given the law as in force on 2025-06-01
    And a CA profile:
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

  Scenario: A CA profile of a foreign provider whose application is still pending
    Given the law as in force on 2025-06-01
    And the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" fails
    And the finding for "ESL-26-APPROVED" says "until approved"

  Scenario: A CA profile of a domestic CA that relies on no foreign certificates
    Given the law as in force on 2025-06-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" is not applicable
