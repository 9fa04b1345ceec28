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
