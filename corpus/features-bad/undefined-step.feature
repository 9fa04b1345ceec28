Feature: A scenario with a step certlex does not know
  An undefined step must fail the run, never be skipped in silence.

  Scenario: A step outside the vocabulary
    Given the certificate "../certificates/real/cfca-ev-root.pem"
    Then the certificate is nice
