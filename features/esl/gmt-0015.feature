Feature: ESL article 21(7) and GM/T 0015 — the Chinese profile of SM2 certificates
  Article 21 item 7: other contents set by the department in charge. certlex
  reads the SM2 certificate profile of GM/T 0015 as such: an SM2 key, an
  SM2-with-SM3 signature, and separate signing and encryption certificates.

  Scenario: An SM2 signing certificate follows the profile
    Given the certificate "corpus/certificates/good/sm2-sign.pem"
    Then rule "GMT0015-SM2-SIGNATURE" passes
    And rule "GMT0015-SM2-KEY" passes
    And rule "GMT0015-KEY-USAGE" passes
    And rule "GMT0015-SIGNING-OR-ENCRYPTION" passes

  Scenario: An SM2 encryption certificate follows the profile
    Given the certificate "corpus/certificates/good/sm2-enc.pem"
    Then rule "GMT0015-SIGNING-OR-ENCRYPTION" passes

  Scenario: The profile does not apply to an RSA certificate
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "GMT0015-SM2-SIGNATURE" is not applicable
    And rule "GMT0015-SM2-KEY" is not applicable

  Scenario: An SM2 key signed with RSA fails
    Given the certificate "corpus/certificates/bad/gmt0015-sm2-key-rsa-signature.pem"
    Then rule "GMT0015-SM2-SIGNATURE" fails

  Scenario: An RSA key signed with SM2 and SM3 fails
    Given the certificate "corpus/certificates/bad/gmt0015-rsa-key-sm2-signature.pem"
    Then rule "GMT0015-SM2-KEY" fails

  Scenario: An SM2 end-entity certificate without key usage fails
    Given the certificate "corpus/certificates/bad/gmt0015-no-key-usage.pem"
    Then rule "GMT0015-KEY-USAGE" fails

  Scenario: An SM2 certificate for both signing and encryption fails the warning
    Given the certificate "corpus/certificates/bad/gmt0015-signing-and-encryption.pem"
    Then rule "GMT0015-SIGNING-OR-ENCRYPTION" fails
