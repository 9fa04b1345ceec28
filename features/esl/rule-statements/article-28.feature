Feature: ESL article 28 — the provider is liable unless it proves it was not at fault
  Article 28: a signatory or relying party who suffers loss in relying on the
  provider's certification service is compensated unless the provider proves
  it was not at fault. A rule statement's liability clauses (part 9) must not
  say otherwise: they may not exclude the provider's liability for its own
  fault, nor make the claimant prove it.

  Scenario: Liability in the statute's own terms, with a cap per certificate
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-28-CPS-OWN-FAULT" passes
    And rule "ESL-28-CPS-BURDEN-OF-PROOF" passes

  Scenario: A clause that excludes liability in every case
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.8 Limitations of Liability
      In no event shall the CA be liable for any loss or damage suffered by a subscriber or relying party.
      """
    Then rule "ESL-28-CPS-OWN-FAULT" fails
    And the finding for "ESL-28-CPS-OWN-FAULT" says "In no event shall the CA be liable"
    And it does not conform

  Scenario: Excluding indirect losses and force majeure is a limitation, not an exclusion of fault
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.8 Limitations of Liability
      In no event shall the CA be liable for indirect or consequential damages. The CA is not liable for losses caused by force majeure.
      """
    Then rule "ESL-28-CPS-OWN-FAULT" passes

  Scenario: A clause that makes the relying party prove the CA's negligence
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.8 Limitations of Liability
      A relying party claiming damages must prove that the CA was negligent.
      """
    Then rule "ESL-28-CPS-BURDEN-OF-PROOF" fails
    And the finding for "ESL-28-CPS-BURDEN-OF-PROOF" says "must prove that the CA was negligent"

  Scenario: 用户须举证证明本中心有过错的条款不符合第二十八条
    Given a rule statement:
      """
      # 1 概括性描述
      本规则的适用范围。
      # 9 法律责任和其他业务条款
      ## 9.8 有限责任
      用户主张赔偿的，应当举证证明本中心存在过错；在任何情况下，本中心的赔偿总额不超过人民币十万元。
      """
    Then rule "ESL-28-CPS-BURDEN-OF-PROOF" fails
    And rule "ESL-28-CPS-OWN-FAULT" passes

  Scenario: A statement without part 9 states no liability terms to judge
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 5 Facility, Management, and Operational Controls
      Guarded premises.
      """
    Then rule "ESL-28-CPS-OWN-FAULT" is not applicable
    And rule "ESL-28-CPS-BURDEN-OF-PROOF" is not applicable
