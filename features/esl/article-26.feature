Feature: ESL article 26 — certificates issued outside the mainland have equal effect once approved (certificates and CA profiles)
  Article 26: a certificate issued by a provider established outside the
  mainland (境外: abroad, and Hong Kong, Macao and Taiwan) has the same legal
  effect as one issued by a provider established under the ESL once the
  department in charge approves it. The article imposes no duty: its finding
  is a notice and never blocks. Where the provider is established is decided
  by its CA profile in the same run (`ca_certificates` or `filed_chains`, with
  `legal_entity.jurisdiction`); the issuer's C attribute is only a hint.

  Scenario: A provider of the run established in the mainland: its certificates have effect whatever their C says
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Example Mainland CA Ltd
        jurisdiction: CN
      ca_certificates:
        - name: Example Foreign Root
          sha256: 71a6aa08179a32d5656cc4471dca500bb0b12f4027c8cd2f8cb949e7d1959828
      """
    And the issuer certificate "corpus/certificates/ca/foreign-root.pem"
    And the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    When it is checked
    Then rule "ESL-26-OUTSIDE-MAINLAND" passes
    And rule "ESL-21-1" passes

  Scenario: A provider outside the mainland without approval: a notice, and the run still conforms
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Example Foreign Trust Inc
        jurisdiction: US
      ca_certificates:
        - name: Example Foreign Root
          sha256: 71a6aa08179a32d5656cc4471dca500bb0b12f4027c8cd2f8cb949e7d1959828
      """
    And the issuer certificate "corpus/certificates/ca/foreign-root.pem"
    And the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    When it is checked
    Then rule "ESL-26-OUTSIDE-MAINLAND" fails
    And the finding for "ESL-26-OUTSIDE-MAINLAND" says "established outside the mainland (US)"
    And rule "ESL-21-1" is not applicable
    And the finding for "ESL-21-1" says "bind providers established under it"
    And it conforms

  Scenario: A Hong Kong provider is outside the mainland, not foreign
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Example Hong Kong Certification Ltd
        jurisdiction: HK
      ca_certificates:
        - name: Example HK Root
          sha256: dbaaaa976860f4da4be466d1ffb50975474abe6e535cd22457dd56a8ab700c88
      """
    And the issuer certificate "corpus/certificates/ca/hk-root.pem"
    And the certificate "corpus/certificates/bad/esl-26-hong-kong-issuer.pem"
    When it is checked
    Then rule "ESL-26-OUTSIDE-MAINLAND" fails
    And the finding for "ESL-26-OUTSIDE-MAINLAND" says "outside the mainland (HK)"
    And the finding for "ESL-26-OUTSIDE-MAINLAND" does not cite "foreign"

  Scenario: A provider outside the mainland approved in its CA profile has equal effect
    Given a CA profile:
      """
      kind: ca-profile
      legal_entity:
        name: Example Foreign Trust Inc
        jurisdiction: US
      ca_certificates:
        - name: Example Foreign Root
          sha256: 71a6aa08179a32d5656cc4471dca500bb0b12f4027c8cd2f8cb949e7d1959828
      recognitions:
        - issuer: Example Foreign Trust Inc
          country: US
          basis: reciprocity
          approval: 工信部电认函〔2025〕31 号
      """
    And the issuer certificate "corpus/certificates/ca/foreign-root.pem"
    And the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    When it is checked
    Then rule "ESL-26-OUTSIDE-MAINLAND" passes

  Scenario: Where nothing decides where the provider is established, the C attribute is only a hint
    Given the certificate "corpus/certificates/bad/esl-26-foreign-issuer.pem"
    When it is checked
    Then rule "ESL-26-OUTSIDE-MAINLAND" is undetermined
    And the finding for "ESL-26-OUTSIDE-MAINLAND" says "C=US, a hint that does not decide it"
    And rule "ESL-21-1" passes

  Scenario: A certificate whose issuer writes C=CN raises no question of article 26
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    When it is checked
    Then rule "ESL-26-OUTSIDE-MAINLAND" is not applicable

  # CA profiles: the recognitions a profile lists (rule ESL-26-APPROVED).

  Scenario: A CA profile of a provider outside the mainland whose certificates are approved under an agreement
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
    And rule "ESL-16-PERMIT" is not applicable
    And the finding for "ESL-16-PERMIT" says "established outside the mainland (legal_entity.jurisdiction is SG)"
    And it conforms

  Scenario: A CA profile of a provider outside the mainland whose application is still pending
    Given the law as in force on 2025-06-01
    And the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" fails
    And the finding for "ESL-26-APPROVED" says "until approved"

  Scenario: A CA profile of a mainland CA that relies on no certificates issued outside the mainland
    Given the law as in force on 2025-06-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-26-APPROVED" is not applicable
    And rule "ESL-16-PERMIT" passes
