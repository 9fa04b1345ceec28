# language: zh-CN
功能: 签发流程 — 签名之前、证书申请和证书撤销列表
  认证机构在签名前检查待签名证书，审查据以签发的证书申请（电子签名法第二十条第二款），
  并发布证书撤销列表，使依赖方能够了解证书是否已被撤销（第二十二条）。

  背景:
    假如 现行法律
    而且 检查日期为 2026-06-01

  场景: 待签名证书不适用签名规则
    假如 待签名证书 "corpus/pipeline/tbs/sm2-sign.tbs.der"
    而且 颁发者证书 "corpus/certificates/ca/sm2-sub.pem"
    而且 颁发者证书 "corpus/certificates/ca/sm2-root.pem"
    而且 机构概况 "corpus/ca-profiles/certlex-test-ca.yaml"
    那么 规则 "ESL-21-6" 不适用
    而且 规则 "GMT0015-SM2-SIGNATURE" 通过
    而且 规则 "ESL-22-CHAIN-NAMES" 通过
    而且 符合

  场景: 缺少持有人名称的待签名证书在签名前即不通过
    假如 待签名证书 "corpus/pipeline/tbs/esl-21-2-no-holder-name.tbs.der"
    那么 规则 "ESL-21-2" 不通过

  场景: SM2 证书申请用 SM2/SM3 签名，并证明持有私钥
    假如 证书申请 "corpus/pipeline/csr/sm2.csr.pem"
    那么 规则 "CSR-SM2-SIGNATURE" 通过
    而且 规则 "CSR-PROOF-OF-POSSESSION" 通过
    而且 规则 "CSR-HOLDER-NAME" 通过
    而且 规则 "CSR-KEY-USABLE" 通过
    而且 规则 "CSR-KEY-ALGORITHM" 通过
    而且 规则 "CSR-EXTENSIONS-DECODE" 通过

  场景: SM2 密钥的证书申请用 ECDSA/SHA-256 签名
    假如 证书申请 "corpus/pipeline/csr/sm2-key-ecdsa-signature.csr.der"
    那么 规则 "CSR-SM2-SIGNATURE" 不通过

  场景: 签名无法验证的证书申请没有证明持有私钥
    假如 证书申请 "corpus/pipeline/csr/bad-signature.csr.der"
    那么 规则 "CSR-PROOF-OF-POSSESSION" 不通过
    而且 规则 "CSR-PROOF-OF-POSSESSION" 的结论说明 "没有证明持有对应的私钥"

  场景: 缺少持有人名称的证书申请
    假如 证书申请 "corpus/pipeline/csr/no-holder-name.csr.pem"
    那么 规则 "CSR-HOLDER-NAME" 不通过

  场景: SM2 公钥不在曲线上的证书申请
    假如 证书申请 "corpus/pipeline/csr/sm2-key-off-curve.csr.der"
    那么 规则 "CSR-KEY-USABLE" 不通过

  场景: 1024 位 RSA 密钥的证书申请
    假如 证书申请 "corpus/pipeline/csr/rsa-1024.csr.pem"
    那么 规则 "CSR-KEY-ALGORITHM" 不通过

  场景: 请求的扩展项无法解码
    假如 证书申请 "corpus/pipeline/csr/extension-does-not-decode.csr.pem"
    那么 规则 "CSR-EXTENSIONS-DECODE" 不通过

  场景: 用 SM2/SM3 签名的证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/sm2-sub.crl.pem"
    而且 颁发者证书 "corpus/certificates/ca/sm2-sub.pem"
    那么 规则 "CRL-SIGNATURE" 通过
    而且 规则 "CRL-SIGNATURE-ALGORITHM-MATCH" 通过
    而且 规则 "CRL-ISSUER-NAME" 通过
    而且 规则 "CRL-ISSUER-CRL-SIGN" 通过
    而且 规则 "CRL-CURRENT" 通过
    而且 规则 "CRL-UPDATE-TIMES" 通过
    而且 规则 "CRL-VERSION" 通过
    而且 规则 "CRL-NUMBER" 通过
    而且 规则 "CRL-AUTHORITY-KEY-ID" 通过
    而且 规则 "CRL-REASON-CODES" 通过
    而且 规则 "CRL-EXTENSIONS" 通过
    而且 符合

  场景: 已过期的证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/stale.crl.pem"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "CRL-CURRENT" 不通过
    而且 规则 "CRL-CURRENT" 的结论说明 "已过期"

  场景: 签名无法验证的证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/bad-signature.crl.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "CRL-SIGNATURE" 不通过

  场景: 签名部分之外的签名算法被改动的证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/algorithm-mismatch.crl.der"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "CRL-SIGNATURE-ALGORITHM-MATCH" 不通过
    而且 规则 "CRL-SIGNATURE-ALGORITHM-MATCH" 的结论说明 "与待签名部分中声明的不一致"

  场景: 颁发者名称与 CA 证书不一致的证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/issuer-name-differs.crl.pem"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    那么 规则 "CRL-ISSUER-NAME" 不通过

  场景: 由不允许签发 CRL 的证书签发的证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/signer-without-crl-sign.crl.pem"
    而且 颁发者证书 "corpus/certificates/ca/ee-used-as-issuer.pem"
    那么 规则 "CRL-ISSUER-CRL-SIGN" 不通过

  场景: 下次更新时间早于本次更新时间
    假如 证书撤销列表 "corpus/pipeline/crl/next-before-this.crl.pem"
    那么 规则 "CRL-UPDATE-TIMES" 不通过

  场景: 第 1 版证书撤销列表
    假如 证书撤销列表 "corpus/pipeline/crl/v1.crl.pem"
    那么 规则 "CRL-VERSION" 不通过
    而且 规则 "CRL-NUMBER" 不通过
    而且 规则 "CRL-AUTHORITY-KEY-ID" 不通过

  场景: 撤销原因码为 7
    假如 证书撤销列表 "corpus/pipeline/crl/reason-code-7.crl.der"
    那么 规则 "CRL-REASON-CODES" 不通过

  场景: 不认识的关键扩展项
    假如 证书撤销列表 "corpus/pipeline/crl/unknown-critical-extension.crl.pem"
    那么 规则 "CRL-EXTENSIONS" 不通过

  场景: 毒化扩展项为关键的预证书
    假如 证书 "corpus/pipeline/precert/sm2-sign.precert.pem"
    而且 颁发者证书 "corpus/certificates/ca/sm2-sub.pem"
    那么 规则 "PRECERT-POISON-CRITICAL" 通过

  场景: 毒化扩展项不是关键的预证书
    假如 证书 "corpus/pipeline/precert/poison-not-critical.precert.pem"
    那么 规则 "PRECERT-POISON-CRITICAL" 不通过
