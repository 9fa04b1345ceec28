Feature: ESL Article 17 — the conditions for providing electronic certification services

  Background:
    Given the law as in force on 2025-06-01

  # (1) 取得企业法人资格 — enterprise legal person status (since 2015)

  Scenario: A CA with the valid credit code of an enterprise has enterprise legal person status
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-ENTERPRISE" passes

  Scenario: A credit code with a wrong check character does not show enterprise status
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "legal_entity.unified_social_credit_code" set to 91110108MA01C3N89X
    When it is checked under the current regime
    Then rule "ESL-17-ENTERPRISE" fails
    And the finding for "ESL-17-ENTERPRISE" says "91110108MA01C3N89X"

  Scenario: An individual business (credit code beginning with 92) is not an enterprise legal person
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "legal_entity.unified_social_credit_code" set to 92110108MA01C3N89D
    When it is checked under the current regime
    Then rule "ESL-17-ENTERPRISE" fails

  Scenario: A profile that states no credit code cannot be judged
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "legal_entity.unified_social_credit_code"
    When it is checked under the current regime
    Then rule "ESL-17-ENTERPRISE" is undetermined
    And it does not conform

  # (2) 专业技术人员和管理人员 — only a person can judge whether they suit the services

  Scenario: Staff suitable for the services are attested by a staffing report
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-STAFF-SUITABLE" passes
    And the finding for "ESL-17-STAFF-SUITABLE" says "HR-2024-017"

  Scenario: Without evidence, whether the staff suit the services needs a person's judgement
    Given the CA profile "corpus/ca-profiles/missing-attestations.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-STAFF-SUITABLE" needs evidence
    And it does not conform

  # (3) 资金和经营场所 — funds and premises suitable for the services

  Scenario: Funds and premises are attested by the audit report and the title deed
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-FUNDS-PREMISES" passes

  Scenario: Without evidence, whether funds and premises suit the services needs a person's judgement
    Given the CA profile "corpus/ca-profiles/missing-attestations.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-FUNDS-PREMISES" needs evidence

  # (4) 符合国家安全标准的技术和设备 — technology and equipment meeting national security standards

  Scenario: A CA naming the standards it meets and the assessment that shows it
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-EQUIPMENT" passes

  Scenario: A CA naming no conformity assessment
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "equipment.assessment"
    When it is checked under the current regime
    Then rule "ESL-17-EQUIPMENT" fails

  Scenario: A CA naming no national standard
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "equipment.national_standards" set to []
    When it is checked under the current regime
    Then rule "ESL-17-EQUIPMENT" fails

  # (5) 国家密码管理机构同意使用密码的证明文件 — consent to use cryptography

  Scenario: A CA with the cryptography administration's consent
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-17-CRYPTO-APPROVAL" passes

  Scenario: A CA without the cryptography administration's consent
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "cryptography_approval"
    When it is checked under the current regime
    Then rule "ESL-17-CRYPTO-APPROVAL" fails
    And the finding for "ESL-17-CRYPTO-APPROVAL" says "ESL article 17, item (5)"

  Scenario: Before the 2015 amendment the consent was item (4), and it was required all the same
    Given the law as in force on 2012-01-01
    And a CA profile like "corpus/ca-profiles/national-ca.yaml" without "cryptography_approval"
    When it is checked under the current regime
    Then rule "ESL-17-CRYPTO-APPROVAL" fails
    And the finding for "ESL-17-CRYPTO-APPROVAL" cites "ESL 17(4)"

  Scenario: The draft replaces the Measures but not the law: the conditions of article 17 still apply
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "cryptography_approval"
    When it is checked under the draft measures of 2024
    Then rule "ESL-17-CRYPTO-APPROVAL" fails
