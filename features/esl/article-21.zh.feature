# language: zh-CN
功能: 电子签名法第二十一条 — 电子签名认证证书应当载明的内容

  场景: 颁发者载明组织名称的根证书载明了电子认证服务提供者名称
    假如 证书 "corpus/certificates/real/cfca-ev-root.pem"
    当 按现行法律进行检查
    那么 规则 "ESL-21-1" 通过
    而且 规则 "ESL-21-2" 通过

  场景: 颁发者只在通用名中写明名称的根证书也载明了电子认证服务提供者名称
    假如 证书 "corpus/certificates/real/autoridad-de-certificacion-firmaprofesional-cif-a62634068-2.pem"
    当 进行检查
    那么 规则 "ESL-21-1" 通过

  场景: 颁发者名称为空的证书未载明电子认证服务提供者名称
    假如 证书 "corpus/certificates/real/zlint-issuer-field-missing.pem"
    当 进行检查
    那么 规则 "ESL-21-1" 不通过
    而且 规则 "ESL-21-1" 的结论说明 "未载明电子认证服务提供者名称"
    而且 不符合

  场景: TLS 服务器证书不是电子签名认证证书
    假如 证书 "corpus/certificates/real/zlint-utc-not-zulu.pem"
    当 进行检查
    那么 规则 "ESL-21-1" 不适用
    而且 规则 "ESL-21-1" 的结论说明 "该证书的类别为 `tls-server`，不是电子签名认证证书"

  场景: 签名后被改动了密钥用法的证书不能凭此被认定在范围之外
    假如 证书 "corpus/certificates/bad/esl-21-6-usage-changed-after-signing.pem"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    当 进行检查
    那么 规则 "ESL-21-6" 无法判定
    而且 规则 "ESL-21-6" 的结论说明 "其签名用颁发者的公钥验证失败，所载内容不是颁发者的陈述"
    而且 不符合

  场景: 同一证书未给出颁发者时按其所载内容判断
    假如 证书 "corpus/certificates/bad/esl-21-6-usage-changed-after-signing.pem"
    当 进行检查
    那么 规则 "ESL-21-6" 不适用

  场景: 境外（含港澳台地区）设立的电子认证服务提供者签发的证书不适用第二十一条
    假如 机构概况：
      """
      kind: ca-profile
      legal_entity:
        name: Example Hong Kong Certification Ltd
        jurisdiction: HK
      ca_certificates:
        - name: Example HK Root
          sha256: dbaaaa976860f4da4be466d1ffb50975474abe6e535cd22457dd56a8ab700c88
      """
    而且 颁发者证书 "corpus/certificates/ca/hk-root.pem"
    而且 证书 "corpus/certificates/bad/esl-26-hong-kong-issuer.pem"
    当 进行检查
    那么 规则 "ESL-21-1" 不适用
    而且 规则 "ESL-21-1" 的结论说明 "设立在境外（含港澳台地区，HK"
    而且 规则 "ESL-26-OUTSIDE-MAINLAND" 不通过
