Feature: ESL article 21 — what an electronic signature certificate records
  Article 21: certificates issued by an electronic certification service
  provider shall be accurate and free from errors, and shall record the
  provider's name, the holder's name, the serial number, the term of validity,
  the holder's signature verification data and the provider's signature.

  Scenario: A root whose issuer names its organization records the provider's name (21(1))
    Given the certificate "corpus/certificates/real/cfca-ev-root.pem"
    When it is checked under the current regime
    Then rule "ESL-21-1" passes

  Scenario: A root whose issuer names the provider only in its common name records the provider's name (21(1))
    Given the certificate "corpus/certificates/real/autoridad-de-certificacion-firmaprofesional-cif-a62634068-2.pem"
    When it is checked
    Then rule "ESL-21-1" passes

  Scenario: A certificate whose issuer name is empty does not name the provider (21(1))
    Given the certificate "corpus/certificates/real/zlint-issuer-field-missing.pem"
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

  Scenario: A certificate whose subject names its holder records the holder's name (21(2))
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-21-2" passes

  Scenario: A subject with neither CN nor O does not name the holder (21(2))
    Given the certificate "corpus/certificates/bad/esl-21-2-no-holder-name.pem"
    Then rule "ESL-21-2" fails
    And the finding for "ESL-21-2" says "does not name its holder"

  Scenario: A positive serial number is recorded (21(3))
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-21-3" passes

  Scenario: A serial number of zero is still a recorded serial number (21(3))
    Given the certificate "corpus/certificates/bad/esl-21-3-serial-zero.pem"
    Then rule "ESL-21-3" passes

  Scenario: A serial number field with no content records no serial number (21(3))
    Given the certificate "corpus/certificates/bad/esl-21-3-no-serial.pem"
    Then rule "ESL-21-3" fails
    And the finding for "ESL-21-3" says "records no serial number"

  Scenario: A validity period that starts before it ends is a term of validity (21(4))
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-21-4" passes

  Scenario: A validity period that ends before it starts is no term of validity (21(4))
    Given the certificate "corpus/certificates/bad/esl-21-4-validity-reversed.pem"
    Then rule "ESL-21-4" fails

  Scenario: An SM2 key on the SM2 curve is usable verification data (21(5))
    Given the certificate "corpus/certificates/good/sm2-sign.pem"
    Then rule "ESL-21-5" passes

  Scenario: A public key that does not decode is no verification data (21(5))
    Given the certificate "corpus/certificates/bad/esl-21-5-unusable-key.pem"
    Then rule "ESL-21-5" fails

  Scenario: An SM2 certificate's signature verifies with its issuer's key (21(6))
    Given the certificate "corpus/certificates/good/sm2-sign.pem"
    And the issuer certificate "corpus/certificates/ca/sm2-sub.pem"
    Then rule "ESL-21-6" passes

  Scenario: A CA certificate among the inputs is used as an issuer too (21(6))
    Given the certificate "corpus/certificates/ca/ecdsa-root.pem"
    And the certificate "corpus/certificates/good/ecdsa-ee.pem"
    Then rule "ESL-21-6" passes

  Scenario: A signature that does not verify with the issuer's key fails (21(6))
    Given the certificate "corpus/certificates/bad/esl-21-6-bad-signature.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-21-6" fails

  # Where article 21 reaches (rules/esl/certificate/reach.rules): electronic
  # signature certificates and the CA certificates that issue them.

  Scenario: A TLS server certificate is not an electronic signature certificate
    Given the certificate "corpus/certificates/real/zlint-utc-not-zulu.pem"
    When it is checked
    Then rule "ESL-21-1" is not applicable
    And the finding for "ESL-21-1" says "the certificate is of kind `tls-server`, not an electronic signature certificate"

  Scenario: A certificate whose usage was changed after signing is not placed outside by it
    Given the certificate "corpus/certificates/bad/esl-21-6-usage-changed-after-signing.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    When it is checked
    Then rule "ESL-21-6" is undetermined
    And the finding for "ESL-21-6" says "its signature does not verify with its issuer's public key, so what it states is not its issuer's"
    And it does not conform

  Scenario: The same certificate without its issuer is judged by what it states
    Given the certificate "corpus/certificates/bad/esl-21-6-usage-changed-after-signing.pem"
    When it is checked
    Then rule "ESL-21-6" is not applicable

  Scenario: The encryption half of an SM2 certificate pair makes no signatures
    Given the certificate "corpus/certificates/good/sm2-enc.pem"
    When it is checked
    Then rule "ESL-21-2" is not applicable
    And rule "GMT0015-KEY-USAGE" passes
