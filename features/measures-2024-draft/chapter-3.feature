Feature: The 2024 draft Measures, Chapter 3 (Conduct) — service outlets, no delegation of critical operations, internal procedures (article numbers not known)

  Background:
    Given the law as in force on 2025-06-01

  # Service outlets in each province or region where the CA operates

  Scenario: A CA with an outlet in each of its five regions
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-OUTLETS" passes

  Scenario: A provincial CA serving two neighbouring regions without outlets there
    Given the CA profile "corpus/ca-profiles/provincial-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-OUTLETS" fails
    And the finding for "DRAFT-CH3-OUTLETS" says "陕西省, 内蒙古自治区"

  Scenario: One region of five without an outlet
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with no service outlet in 河北省
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-OUTLETS" fails
    And the finding for "DRAFT-CH3-OUTLETS" says "operates in 河北省 without"

  Scenario: A profile that states no regions of operation cannot be judged
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "regions"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-OUTLETS" is undetermined

  Scenario: The Measures of 2015 ask for no outlets
    Given the CA profile "corpus/ca-profiles/provincial-ca.yaml"
    When it is checked under the current regime
    Then rule "DRAFT-CH3-OUTLETS" is not in force

  # No delegation of critical operations to third parties

  Scenario: Delegating the delivery of tokens and customer service only
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" passes

  Scenario: Identity checks by a registration authority are not read as a critical operation
    Given the CA profile "corpus/ca-profiles/delegates-identity-verification.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" passes

  Scenario: Delegating key management is a notice, not a blocking finding
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "delegations" set to [{operation: key-management, to: 第三方服务有限公司}]
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" fails
    And the finding for "DRAFT-CH3-NO-CRITICAL-DELEGATION" says "key-management"

  Scenario: Delegation is not judged under the Measures of 2015
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "delegations" set to [{operation: key-management, to: 第三方服务有限公司}]
    When it is checked under the current regime
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" is not in force

  Scenario Outline: Delegating <operation>
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "delegations" set to [{operation: <operation>, to: 第三方服务有限公司}]
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" <outcome>

    Examples: operations the project reads as critical
      | operation             | outcome |
      | certificate-issuance  | fails   |
      | revocation            | fails   |
      | key-management        | fails   |

    Examples: operations that are not read as critical
      | operation             | outcome |
      | identity-verification | passes  |
      | application-intake    | passes  |
      | status-services       | passes  |
      | record-keeping        | passes  |
      | customer-service      | passes  |
      | data-centre-hosting   | passes  |
      | token-distribution    | passes  |
      | software-development  | passes  |

  Scenario: A CA that delegates nothing
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "delegations" set to []
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" passes

  Scenario: A profile that does not say whether it delegates cannot be judged
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "delegations"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-NO-CRITICAL-DELEGATION" is undetermined

  # Internal procedures for handling certificates: only a person can judge

  Scenario: Procedures attested by their reference and approval date
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-CERT-PROCEDURES" passes

  Scenario: Without evidence of the procedures
    Given the CA profile "corpus/ca-profiles/missing-attestations.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH3-CERT-PROCEDURES" needs evidence
