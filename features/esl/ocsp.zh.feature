# language: zh-CN
功能: OCSP 响应 — 依赖方了解证书状态
  认证机构回答依赖方关于证书是否已被撤销的询问（电子签名法第二十二条：依赖方能够
  了解证书所载内容“及其他有关事项”）；技术依据为 RFC 6960。样本由
  corpus/pipeline/make.sh 于 2026-11-27 生成，下次更新时间为七天之后。

  背景:
    假如 现行法律
    而且 检查日期为 2026-11-28

  场景: 由 CA 签署的有效 OCSP 响应
    假如 OCSP 响应 "corpus/pipeline/ocsp/rsa-good.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-STATUS" 通过
    而且 规则 "OCSP-SIGNATURE" 通过
    而且 规则 "OCSP-RESPONDER-AUTHORISED" 通过
    而且 规则 "OCSP-CURRENT" 通过
    而且 规则 "OCSP-NEXT-UPDATE" 通过
    而且 规则 "OCSP-STATUS-KNOWN" 通过
    而且 符合

  场景: 以 SM2 和 SM3 签署的 OCSP 响应
    假如 OCSP 响应 "corpus/pipeline/ocsp/sm2-good.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/sm2-sub.pem"
    那么 规则 "OCSP-SIGNATURE" 通过
    而且 符合

  场景: 响应者未成功作答
    假如 OCSP 响应 "corpus/pipeline/ocsp/try-later.ocsp.der"
    那么 规则 "OCSP-STATUS" 不通过

  场景: 签名无法验证的 OCSP 响应
    假如 OCSP 响应 "corpus/pipeline/ocsp/bad-signature.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-SIGNATURE" 不通过

  场景: 没有 CA 证书时无法判定响应者是否获授权
    假如 OCSP 响应 "corpus/pipeline/ocsp/by-key.ocsp.der"
    那么 规则 "OCSP-RESPONDER-AUTHORISED" 无法判定

  场景: 由 CA 未认证的密钥签署的 OCSP 响应
    假如 OCSP 响应 "corpus/pipeline/ocsp/not-authorised.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-RESPONDER-AUTHORISED" 不通过

  场景: CA 授权的 OCSP 响应者
    假如 OCSP 响应 "corpus/pipeline/ocsp/delegated.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-RESPONDER-AUTHORISED" 通过
    而且 规则 "OCSP-RESPONDER-NOCHECK" 通过

  场景: 委托的响应者证书没有 id-pkix-ocsp-nocheck
    假如 OCSP 响应 "corpus/pipeline/ocsp/delegated-no-nocheck.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-RESPONDER-NOCHECK" 不通过

  场景: 下次更新时间已过的 OCSP 响应
    假如 检查日期为 2026-12-10
    而且 OCSP 响应 "corpus/pipeline/ocsp/rsa-good.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-CURRENT" 不通过
    而且 规则 "OCSP-CURRENT" 的结论说明 "已过期"

  场景: 未载明下次更新时间的 OCSP 响应
    假如 OCSP 响应 "corpus/pipeline/ocsp/no-next-update.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-NEXT-UPDATE" 不通过

  场景: 响应者不知道所问证书的状态
    假如 OCSP 响应 "corpus/pipeline/ocsp/rsa-unknown.ocsp.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "OCSP-STATUS-KNOWN" 不通过
