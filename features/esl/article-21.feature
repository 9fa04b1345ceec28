Feature: ESL article 21 — what an electronic signature certificate records
  Article 21: certificates issued by an electronic certification service
  provider shall be accurate and free from errors, and shall record the
  provider's name, the holder's name, the serial number, the term of validity,
  the holder's signature verification data and the provider's signature.

  Scenario: A root whose issuer names its organization records the provider's name (21(1))
    Given the certificate "corpus/certificates/real/cfca-ev-root.pem"
    When it is checked under the current regime
    Then rule "ESL-21-1" passes

  Scenario: A root whose issuer has no organization does not name the provider (21(1))
    Given the certificate "corpus/certificates/real/autoridad-de-certificacion-firmaprofesional-cif-a62634068-2.pem"
    When it is checked
    Then rule "ESL-21-1" fails
    And the finding for "ESL-21-1" says "does not name its certification service provider"

  Scenario: A self-signed root's own signature verifies (21(6))
    Given the certificate "corpus/certificates/real/cfca-ev-root.pem"
    Then rule "ESL-21-6" passes

  Scenario: Without the issuer's certificate the provider's signature cannot be checked (21(6))
    Given the certificate "corpus/certificates/real/tongsuo-ntls-client-sign.pem"
    Then rule "ESL-21-6" is undetermined
    And it does not conform
