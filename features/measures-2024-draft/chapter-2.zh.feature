# language: zh-CN
功能: 电子认证服务管理办法（2024 年征求意见稿）第二章 资质认定 — 注册资本、专业技术团队和安全运营设施（条文序号不详）

  背景:
    假如 2025-06-01 有效的法律

  # 注册资本不低于人民币七千万元

  场景: 注册资本人民币一亿二千万元，不低于征求意见稿的七千万元
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按2024年办法征求意见稿进行检查
    那么 规则 "MEASURES-5-CAPITAL" 通过

  场景: 注册资本人民币五千万元，现行办法下通过，征求意见稿下不通过
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，注册资本为人民币 50,000,000 元
    当 按2024年办法征求意见稿进行检查
    那么 规则 "MEASURES-5-CAPITAL" 不通过
    而且 规则 "MEASURES-5-CAPITAL" 的结论说明 "最低限额人民币 70,000,000 元"

  场景: 注册资本恰好为人民币七千万元
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，注册资本为人民币 70,000,000 元
    当 按2024年办法征求意见稿进行检查
    那么 规则 "MEASURES-5-CAPITAL" 通过

  # 专业技术团队不少于六十人

  场景: 专业技术团队七十四人
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按2024年办法征求意见稿进行检查
    那么 规则 "DRAFT-CH2-TECH-TEAM" 通过

  场景: 专业技术团队恰好六十人
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术团队 60 人
    当 按2024年办法征求意见稿进行检查
    那么 规则 "DRAFT-CH2-TECH-TEAM" 通过

  场景: 专业技术团队五十九人
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术团队 59 人
    当 按2024年办法征求意见稿进行检查
    那么 规则 "DRAFT-CH2-TECH-TEAM" 不通过
    而且 不符合

  场景: 现行办法没有专业技术团队人数的要求
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术团队 24 人
    当 按现行法律进行检查
    那么 规则 "DRAFT-CH2-TECH-TEAM" 未生效

  # 适合安全运营的设施：只能由人判断

  场景: 以等级保护测评报告证明设施适合安全运营
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按2024年办法征求意见稿进行检查
    那么 规则 "DRAFT-CH2-FACILITIES" 通过

  场景: 未提供证据的，需要证据
    假如 机构概况 "corpus/ca-profiles/missing-attestations.yaml"
    当 按2024年办法征求意见稿进行检查
    那么 规则 "DRAFT-CH2-FACILITIES" 需要证据
