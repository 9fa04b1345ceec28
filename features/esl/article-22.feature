Feature: ESL article 22 — contents complete and accurate, and verifiable by relying parties
  Article 22: providers shall ensure that certificates are complete and
  accurate during their valid term, and that relying parties can verify them.
  A relying party verifies a certificate by RFC 5280, so the RFC 5280 basics
  it depends on are what these scenarios check.

  Background:
    Given the current regime

  Scenario: A well-made certificate meets every basic a relying party needs
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    And the CA profile "corpus/ca-profiles/certlex-test-ca.yaml"
    Then rule "RFC5280-SERIAL-LENGTH" passes
    And rule "RFC5280-TIME-ENCODING" passes
    And rule "RFC5280-VERSION" passes
    And rule "ESL-22-DUPLICATE-EXTENSION" passes
    And rule "ESL-22-UNKNOWN-CRITICAL-EXTENSION" passes
    And rule "ESL-22-EXTENSION-DECODES" passes
    And rule "RFC5280-EXTENSION-DER" passes
    And rule "RFC5280-EXTENSION-CRITICALITY" passes
    And rule "RFC5280-TIME-FORM" passes
    And rule "ESL-22-SIGNATURE-ALGORITHM-MATCH" passes
    And rule "RFC5280-KEY-USAGE-EMPTY" passes
    And rule "RFC5280-AUTHORITY-KEY-ID" passes
    And rule "ESL-22-REVOCATION-POINTER" passes
    And rule "ESL-22-CHAIN-NAMES" passes
    And rule "ESL-22-ISSUER-IS-CA" passes
    And rule "ESL-22-CHAIN-VALIDITY" passes
    And rule "ESL-22-PATH-LENGTH" passes
    And it conforms

  Scenario: A serial number longer than 20 octets fails
    Given the certificate "corpus/certificates/bad/esl-22-serial-too-long.pem"
    Then rule "RFC5280-SERIAL-LENGTH" fails
    And the finding for "RFC5280-SERIAL-LENGTH" says "21 octets"

  Scenario: A date from 2050 is GeneralizedTime
    Given the certificate "corpus/certificates/good/generalized-time-2050.pem"
    Then rule "RFC5280-TIME-ENCODING" passes

  Scenario: A date before 2050 written as GeneralizedTime fails
    Given the certificate "corpus/certificates/bad/esl-22-generalized-time-before-2050.pem"
    Then rule "RFC5280-TIME-ENCODING" fails

  Scenario: A version 2 certificate with extensions fails
    Given the certificate "corpus/certificates/bad/esl-22-version-2-with-extensions.pem"
    Then rule "RFC5280-VERSION" fails

  Scenario: An extension that appears twice fails
    Given the certificate "corpus/certificates/bad/esl-22-duplicate-extension.pem"
    Then rule "ESL-22-DUPLICATE-EXTENSION" fails

  Scenario: A critical extension nobody knows fails
    Given the certificate "corpus/certificates/bad/esl-22-unknown-critical-extension.pem"
    Then rule "ESL-22-UNKNOWN-CRITICAL-EXTENSION" fails
    And the finding for "ESL-22-UNKNOWN-CRITICAL-EXTENSION" says "1.2.156.999.9"

  Scenario: An extension whose value does not decode fails, naming the extension
    Given the certificate "corpus/certificates/bad/esl-22-extension-does-not-decode.pem"
    Then rule "ESL-22-EXTENSION-DECODES" fails
    And the finding for "ESL-22-EXTENSION-DECODES" says "`subjectAltName` (2.5.29.17)"

  Scenario: A key usage with a superfluous zero octet is not DER
    Given the certificate "corpus/certificates/real/trustwave-global-ecc-p384.pem"
    Then rule "RFC5280-EXTENSION-DER" fails
    And the finding for "RFC5280-EXTENSION-DER" says "superfluous zero octet"

  Scenario: An authority key identifier marked critical fails
    Given the certificate "corpus/certificates/real/zlint-aki-critical.pem"
    Then rule "RFC5280-EXTENSION-CRITICALITY" fails
    And the finding for "RFC5280-EXTENSION-CRITICALITY" says "RFC 5280 4.2.1.1"

  Scenario: A validity date with a time zone offset instead of Z fails
    Given the certificate "corpus/certificates/real/zlint-utc-not-zulu.pem"
    Then rule "RFC5280-TIME-FORM" fails
    And the finding for "RFC5280-TIME-FORM" says "160810142728-0500"

  Scenario: A signature algorithm stated two ways fails
    Given the certificate "corpus/certificates/bad/esl-22-signature-algorithm-mismatch.pem"
    Then rule "ESL-22-SIGNATURE-ALGORITHM-MATCH" fails

  Scenario: A key usage with no bit set fails
    Given the certificate "corpus/certificates/bad/esl-22-key-usage-empty.pem"
    Then rule "RFC5280-KEY-USAGE-EMPTY" fails

  Scenario: A CA certificate may sign certificates
    Given the certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "RFC5280-KEY-CERT-SIGN-CA" passes
    And rule "RFC5280-CA-KEY-USAGE" passes

  Scenario: An end-entity certificate that may sign certificates contradicts itself
    Given the certificate "corpus/certificates/bad/esl-22-key-cert-sign-not-ca.pem"
    Then rule "RFC5280-KEY-CERT-SIGN-CA" fails

  Scenario: A CA certificate without key usage fails
    Given the certificate "corpus/certificates/bad/esl-22-ca-without-key-usage.pem"
    Then rule "RFC5280-CA-KEY-USAGE" fails

  Scenario: A self-signed root needs no authority key identifier
    Given the certificate "corpus/certificates/ca/sm2-root.pem"
    Then rule "RFC5280-AUTHORITY-KEY-ID" is not applicable

  Scenario: An issued certificate without an authority key identifier fails
    Given the certificate "corpus/certificates/bad/esl-22-no-authority-key-id.pem"
    Then rule "RFC5280-AUTHORITY-KEY-ID" fails

  Scenario: An end-entity certificate without a CRL or OCSP pointer fails
    Given the certificate "corpus/certificates/bad/esl-22-no-revocation-pointer.pem"
    Then rule "ESL-22-REVOCATION-POINTER" fails

  Scenario: Without the issuer's certificate the chain cannot be checked
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "ESL-22-CHAIN-NAMES" is undetermined
    And rule "ESL-22-ISSUER-IS-CA" is undetermined
    And it does not conform

  Scenario: An issuer name that differs from the signer's subject name fails
    Given the certificate "corpus/certificates/bad/esl-22-issuer-name-mismatch.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-21-6" passes
    And rule "ESL-22-CHAIN-NAMES" fails

  Scenario: A certificate signed by an end-entity certificate fails
    Given the certificate "corpus/certificates/bad/esl-22-issuer-not-ca.pem"
    And the issuer certificate "corpus/certificates/ca/ee-used-as-issuer.pem"
    Then rule "ESL-22-ISSUER-IS-CA" fails

  Scenario: A certificate valid beyond its issuer fails the warning
    Given the certificate "corpus/certificates/bad/esl-22-validity-beyond-issuer.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "ESL-22-CHAIN-VALIDITY" fails

  Scenario: A sub-CA under a root without a path length constraint passes
    Given the certificate "corpus/certificates/ca/sm2-sub.pem"
    And the issuer certificate "corpus/certificates/ca/sm2-root.pem"
    Then rule "ESL-22-PATH-LENGTH" passes

  Scenario: A sub-CA under a root with path length 0 fails
    Given the certificate "corpus/certificates/bad/esl-22-path-length-exceeded.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root-pathlen0.pem"
    Then rule "ESL-22-PATH-LENGTH" fails

  Scenario: A positive serial number meets RFC 5280
    Given the certificate "corpus/certificates/good/rsa-ee.pem"
    Then rule "RFC5280-SERIAL-POSITIVE" passes

  Scenario: A serial number of zero is not positive (RFC 5280 4.1.2.2), a warning
    Given the certificate "corpus/certificates/bad/esl-21-3-serial-zero.pem"
    Then rule "RFC5280-SERIAL-POSITIVE" fails
    And the finding for "RFC5280-SERIAL-POSITIVE" says "not a positive integer"
