# language: zh-CN
功能: 法律的时间效力 — 每项结论按其日期有效的法律判断，并按当时的条文序号引用

  # 法律不溯及既往（《立法法》第一百零四条）：证书应当载明的内容，按其签发时
  # （notBefore）有效的法律判断，与检查日期无关；电子认证服务机构现在应当具备
  # 的条件，按检查日期有效的法律判断。结论引用当日有效的条文，序号以当时为准。

  场景: 电子签名法施行前签发的证书不受其约束
    假如 检查日期为 2026-06-01
    而且 证书 "corpus/certificates/dated/issued-2004.pem"
    当 进行检查
    那么 规则 "ESL-21-1" 未生效
    而且 规则 "ESL-21-1" 按 2004-06-01 有效的法律判断

  场景: 签名后被改动的日期不是签发日期
    假如 检查日期为 2026-06-01
    而且 证书 "corpus/certificates/bad/esl-21-6-date-changed-after-signing.pem"
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    当 进行检查
    那么 规则 "ESL-21-6" 不通过
    而且 规则 "ESL-21-6" 按 2026-06-01 有效的法律判断
    而且 不符合

  场景: 未验证签名的证书按其所载日期判断
    假如 检查日期为 2026-06-01
    而且 证书 "corpus/certificates/bad/esl-21-6-date-changed-after-signing.pem"
    当 进行检查
    那么 规则 "ESL-21-6" 未生效
    而且 规则 "ESL-21-6" 按 1985-06-01 有效的法律判断

  场景: 电子签名法施行后签发的证书按其签发之日的法律判断
    假如 检查日期为 2026-06-01
    而且 证书 "corpus/certificates/good/issuer-name-without-o.pem"
    当 进行检查
    那么 规则 "ESL-21-1" 通过
    而且 规则 "ESL-21-1" 按 2025-01-01 有效的法律判断

  场景: 2014 年，同意使用密码的证明文件是第十七条第（四）项
    假如 2014-01-01 有效的法律
    而且 机构概况如 "corpus/ca-profiles/national-ca.yaml"，删除 "cryptography_approval"
    当 进行检查
    那么 规则 "ESL-17-CRYPTO-APPROVAL" 不通过
    而且 规则 "ESL-17-CRYPTO-APPROVAL" 的结论引用 "ESL 17(4)"
    而且 规则 "ESL-17-CRYPTO-APPROVAL" 的结论不引用 "ESL 17(5)"
    而且 规则 "ESL-17-CRYPTO-APPROVAL" 的结论说明 "《电子签名法》第十七条第（四）项"

  场景: 2015 年修正增加第（一）项后，同意使用密码的证明文件是第十七条第（五）项
    假如 2016-01-01 有效的法律
    而且 机构概况如 "corpus/ca-profiles/national-ca.yaml"，删除 "cryptography_approval"
    当 进行检查
    那么 规则 "ESL-17-CRYPTO-APPROVAL" 不通过
    而且 规则 "ESL-17-CRYPTO-APPROVAL" 的结论引用 "ESL 17(5)"
    而且 规则 "ESL-17-CRYPTO-APPROVAL" 的结论说明 "《电子签名法》第十七条第（五）项"

  # 机构概况所载在某日取得或者完成的事项（许可证书的颁发、核准、证书链或者业务规则
  # 的备案），在该日之前并不存在。

  场景: 适用法律之日以后颁发的许可证书，当时尚未持有
    假如 2018-06-01 有效的法律
    而且 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 进行检查
    那么 规则 "ESL-16-PERMIT" 不通过
    而且 规则 "ESL-16-PERMIT" 的结论说明 "`permit.issued` 为 2019-08-26，晚于适用法律的日期 2018-06-01"

  场景: 许可证书颁发后即为持有
    假如 2019-08-26 有效的法律
    而且 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 进行检查
    那么 规则 "ESL-16-PERMIT" 通过
