# language: zh-CN
功能: 电子签名法第二十四条 — 与认证相关的信息至少保存至证书失效后五年

  场景: 业务规则承诺证书失效后保存五年，符合第二十四条
    假如 业务规则 "corpus/rule-statements/complete-bilingual.md"
    当 进行检查
    那么 规则 "ESL-24-CPS-RETENTION" 通过

  场景: 业务规则只保存三年，不符合第二十四条
    假如 业务规则 "corpus/rule-statements/retention-three-years.md"
    当 进行检查
    那么 规则 "ESL-24-CPS-RETENTION" 不通过
    而且 规则 "ESL-24-CPS-RETENTION" 的结论说明 "保存期限为 3年，少于电子签名法第二十四条要求的证书失效后 5年"

  场景: 业务规则以月计：六十个月即五年，符合第二十四条
    假如 业务规则 "corpus/rule-statements/retention-sixty-months.md"
    当 进行检查
    那么 规则 "ESL-24-CPS-RETENTION" 通过

  场景: 用英文写明七年的保存期限也能识别
    假如 业务规则 "corpus/rule-statements/english-only.md"
    那么 规则 "ESL-24-CPS-RETENTION" 通过

  场景: 保存期限自证书失效后起算，符合第二十四条
    假如 业务规则 "corpus/rule-statements/complete-bilingual.md"
    当 进行检查
    那么 规则 "ESL-24-CPS-RETENTION-START" 通过
    而且 规则 "ESL-24-CPS-RETENTION-START-STATED" 通过

  场景: 保存期限自归档之日起算，不符合第二十四条
    假如 业务规则：
      """
      # 5 设施、管理和操作控制
      ## 5.5 记录归档
      ### 5.5.2 归档保存期限
      归档信息自归档之日起保存五年。
      """
    当 进行检查
    那么 规则 "ESL-24-CPS-RETENTION-START" 不通过
    而且 规则 "ESL-24-CPS-RETENTION-START" 的结论说明 "自archiving起算"

  场景: 没有写明起算时点，提示写明
    假如 业务规则：
      """
      # 5 设施、管理和操作控制
      ## 5.5 记录归档
      ### 5.5.2 归档保存期限
      归档信息保存五年。
      """
    当 进行检查
    那么 规则 "ESL-24-CPS-RETENTION-START-STATED" 不通过
    而且 规则 "ESL-24-CPS-RETENTION-START" 不适用
