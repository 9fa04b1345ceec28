# language: zh-CN
功能: 电子签名法第十六条、第十八条第一款 — 证书由签发时持有许可的电子认证服务提供者签发

  场景: 提供者许可证书有效期内签发的证书
    假如 机构概况：
      """
      kind: ca-profile
      legal_entity:
        name: certlex 测试认证有限公司
        jurisdiction: CN
      permit:
        number: ECP00000000000001
        issued: 2024-01-01
        expires: 2029-01-01
      ca_certificates:
        - name: certlex Test RSA Root
          sha256: 9ce2ab90ca3e0ac587aae6822788a9dd9466735f7d54a3e72aec9d8e7239d2a6
      """
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    而且 证书 "corpus/certificates/good/rsa-ee.pem"
    当 进行检查
    那么 规则 "ESL-16-LICENSED-ISSUER" 通过

  场景: 提供者取得许可之前签发的证书
    假如 机构概况：
      """
      kind: ca-profile
      legal_entity:
        name: certlex 测试认证有限公司
        jurisdiction: CN
      permit:
        number: ECP00000000000001
        issued: 2025-07-01
        expires: 2030-07-01
      ca_certificates:
        - name: certlex Test RSA Root
          sha256: 9ce2ab90ca3e0ac587aae6822788a9dd9466735f7d54a3e72aec9d8e7239d2a6
      """
    而且 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    而且 证书 "corpus/certificates/good/rsa-ee.pem"
    当 进行检查
    那么 规则 "ESL-16-LICENSED-ISSUER" 不通过
    而且 规则 "ESL-16-LICENSED-ISSUER" 的结论说明 "在证书签发之日（2025-06-01）未持有电子认证许可证书"
    而且 规则 "ESL-16-LICENSED-ISSUER" 的结论说明 "许可证 ECP00000000000001：颁发于 2025-07-01，终止于 2030-07-01"
    而且 不符合

  场景: 机构概况和名录都不知道签发者时无法判定
    假如 颁发者证书 "corpus/certificates/ca/rsa-root.pem"
    而且 证书 "corpus/certificates/good/rsa-ee.pem"
    当 进行检查
    那么 规则 "ESL-16-LICENSED-ISSUER" 无法判定
    而且 规则 "ESL-16-LICENSED-ISSUER" 的结论说明 "用 `--register` 增加名录条目"
