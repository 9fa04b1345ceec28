# language: zh-CN
功能: 电子签名法第十三条第一款第（一）项、第（二）项 — 电子签名制作数据专属于电子签名人、签署时仅由其控制
  业务规则托管、备份或者归档订户的签名私钥，电子认证服务提供者就留有电子签名
  制作数据的副本，所作签名不能满足第十三条第一款第（一）项、第（二）项。加密
  私钥由密钥管理中心托管是双证书体系的做法，不受影响。

  场景: 签名私钥由订户自行生成和保管，加密私钥由密钥管理中心托管
    假如 业务规则：
      """
      # 1 概括性描述
      本规则的适用范围。
      # 6 认证系统技术安全控制
      ## 6.2 私钥保护
      订户的签名私钥由订户在密码设备中自行生成和保管，本中心不托管、不备份；订户的加密私钥由密钥管理中心托管。CA签名私钥采用密钥分割方式备份。
      """
    那么 规则 "ESL-13-CPS-SIGNING-KEY-ESCROW" 通过

  场景: 本中心为订户备份签名私钥，不符合第十三条
    假如 业务规则：
      """
      # 1 概括性描述
      本规则的适用范围。
      # 4 证书生命周期操作要求
      ## 4.12 密钥托管与恢复
      本中心为订户备份签名私钥，订户丢失私钥时可申请恢复。
      """
    那么 规则 "ESL-13-CPS-SIGNING-KEY-ESCROW" 不通过
    而且 规则 "ESL-13-CPS-SIGNING-KEY-ESCROW" 的结论说明 "本中心为订户备份签名私钥"
    而且 不符合

  场景: The same duty read in English
    假如 业务规则：
      """
      # 1 Introduction
      Scope of this statement.
      # 6 Technical Security Controls
      ## 6.2 Private Key Protection
      The CA backs up subscribers' signing private keys so that they can be recovered.
      """
    那么 规则 "ESL-13-CPS-SIGNING-KEY-ESCROW" 不通过

  场景: 没有第 4.12 节和第 6 部分的业务规则无从判断，本规则不适用
    假如 业务规则：
      """
      # 1 概括性描述
      本规则的适用范围。
      # 9 法律责任和其他业务条款
      按约定承担责任。
      """
    那么 规则 "ESL-13-CPS-SIGNING-KEY-ESCROW" 不适用
