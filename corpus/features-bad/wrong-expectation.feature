Feature: A deliberately wrong scenario
  Kept to prove that the runner reports a wrong expectation as a failure,
  naming the rule, the expected status and the actual one. The issuer name of this
  certificate is empty, so ESL-21-1 fails; the scenario says it passes.

  Scenario: Expects a pass where the rule fails
    Given the certificate "../certificates/real/zlint-issuer-field-missing.pem"
    Then rule "ESL-21-1" passes
