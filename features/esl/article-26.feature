Feature: ESL article 26 — certificates issued outside the PRC need approval
  Article 26: a certificate issued by a provider outside the PRC has the same
  effect as a domestic one after the department in charge approves it. An
  issuer outside the mainland (its country is not CN; Hong Kong, Macao and
  Taiwan included) needs evidence of that approval.

  # The passing case, an approval stated by a CA profile checked in the same
  # run, is covered through the run context in src/run/tests.rs until CA
  # profiles can be read (the CA-profile branch adds them).

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
