Feature: OCSP responses — what relying parties learn of a certificate's status
  A CA answers relying parties who ask whether a certificate has been
  revoked (ESL 22: relying parties can learn what a certificate records "and
  other relevant matters"); RFC 6960 is the technical basis. The fixtures
  are made by corpus/pipeline/make.sh on 2026-11-27 with a nextUpdate seven
  days later (see corpus/pipeline/README.md).

  Background:
    Given the current regime
    And the check date 2026-11-28

  Scenario: A current OCSP response signed by the CA
    Given the OCSP response "corpus/pipeline/ocsp/rsa-good.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-STATUS" passes
    And rule "OCSP-SIGNATURE" passes
    And rule "OCSP-RESPONDER-AUTHORISED" passes
    And rule "OCSP-CURRENT" passes
    And rule "OCSP-NEXT-UPDATE" passes
    And rule "OCSP-STATUS-KNOWN" passes
    And rule "OCSP-RESPONDER-NOCHECK" is not applicable
    And it conforms

  Scenario: A response that a certificate is revoked is a good answer
    Given the OCSP response "corpus/pipeline/ocsp/rsa-revoked.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then it conforms

  Scenario: An SM2 OCSP response signed with SM2 and SM3
    Given the OCSP response "corpus/pipeline/ocsp/sm2-good.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/sm2-sub.pem"
    Then rule "OCSP-SIGNATURE" passes
    And rule "OCSP-RESPONDER-AUTHORISED" passes
    And it conforms

  Scenario: Without the CA's certificate the responder's authority is undetermined
    Given the OCSP response "corpus/pipeline/ocsp/by-key.ocsp.der"
    Then rule "OCSP-SIGNATURE" is undetermined
    And rule "OCSP-RESPONDER-AUTHORISED" is undetermined
    And the finding for "OCSP-RESPONDER-AUTHORISED" says "--issuers"

  Scenario: A responder that did not answer
    Given the OCSP response "corpus/pipeline/ocsp/try-later.ocsp.der"
    Then rule "OCSP-STATUS" fails
    And the finding for "OCSP-STATUS" says "tryLater"
    And rule "OCSP-SIGNATURE" is not applicable

  Scenario: An OCSP response whose signature does not verify
    Given the OCSP response "corpus/pipeline/ocsp/bad-signature.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-SIGNATURE" fails

  Scenario: An OCSP response signed by a key the CA did not certify
    Given the OCSP response "corpus/pipeline/ocsp/not-authorised.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-SIGNATURE" passes
    And rule "OCSP-RESPONDER-AUTHORISED" fails

  Scenario: A delegated responder without id-kp-OCSPSigning is not authorised
    Given the OCSP response "corpus/pipeline/ocsp/delegated-no-eku.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-RESPONDER-AUTHORISED" fails

  Scenario: A delegated responder the CA certified for OCSP signing
    Given the OCSP response "corpus/pipeline/ocsp/delegated.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-RESPONDER-AUTHORISED" passes
    And rule "OCSP-RESPONDER-NOCHECK" passes
    And it conforms

  Scenario: A delegated responder certificate without id-pkix-ocsp-nocheck
    Given the OCSP response "corpus/pipeline/ocsp/delegated-no-nocheck.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-RESPONDER-AUTHORISED" passes
    And rule "OCSP-RESPONDER-NOCHECK" fails

  Scenario: An OCSP response is stale after its nextUpdate
    Given the check date 2026-12-10
    And the OCSP response "corpus/pipeline/ocsp/rsa-good.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-CURRENT" fails
    And the finding for "OCSP-CURRENT" says "stale"

  Scenario: An OCSP response without nextUpdate
    Given the OCSP response "corpus/pipeline/ocsp/no-next-update.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-NEXT-UPDATE" fails
    And rule "OCSP-CURRENT" passes

  Scenario: A responder that does not know the certificate
    Given the OCSP response "corpus/pipeline/ocsp/rsa-unknown.ocsp.der"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    Then rule "OCSP-STATUS-KNOWN" fails
