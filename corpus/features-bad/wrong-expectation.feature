Feature: A deliberately wrong scenario
  Kept to prove that the runner reports a wrong expectation as a failure,
  naming the rule, the expected status and the actual one. The issuer of this
  certificate has no organization, so ESL-21-1 fails; the scenario says it passes.

  Scenario: Expects a pass where the rule fails
    Given the certificate "../certificates/real/autoridad-de-certificacion-firmaprofesional-cif-a62634068-2.pem"
    Then rule "ESL-21-1" passes
