Feature: ESL article 19, paragraph 1 — a rule statement checked with its CA's profile
  The filing number a rule statement records is matched with the CA profile
  checked in the same run: it must be the number the profile states for the
  rules the CA published and filed.

  Scenario: The statement records the filing number and version its CA's profile states
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    And a rule statement:
      """
      ---
      ca_name: 华信数字认证股份有限公司
      version: "4.2"
      filing_number: 工信部电认备〔2024〕0412号
      ---
      # 1 概括性描述
      本规则适用于本机构签发的证书。
      # 9 法律责任和其他业务条款
      按本规则承担责任。
      """
    When it is checked
    Then rule "ESL-19-CPS-FILING-MATCHES-PROFILE" passes
    And rule "ESL-19-CPS-VERSION-MATCHES-PROFILE" passes

  Scenario: A statement whose filing number no profile of the run states fails
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    And the rule statement "corpus/rule-statements/complete-bilingual.md"
    When it is checked
    Then rule "ESL-19-CPS-FILING-MATCHES-PROFILE" fails
    And the finding for "ESL-19-CPS-FILING-MATCHES-PROFILE" says "工信部电子认证备案 2024-0107"
    And rule "ESL-19-CPS-VERSION-MATCHES-PROFILE" is not applicable

  Scenario: An older version than the one the profile says is published is warned about
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    And a rule statement:
      """
      ---
      version: "4.1"
      filing_number: 工信部电认备〔2024〕0412 号
      ---
      # 1 概括性描述
      本规则适用于本机构签发的证书。
      # 9 法律责任和其他业务条款
      按本规则承担责任。
      """
    Then rule "ESL-19-CPS-VERSION-MATCHES-PROFILE" fails

  Scenario: Checked alone, a statement is not matched with any profile
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-19-CPS-FILING-MATCHES-PROFILE" is not applicable
