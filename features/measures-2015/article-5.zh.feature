# language: zh-CN
功能: 电子认证服务管理办法（2015）第五条 — 电子认证服务提供者应当具备的条件

  背景:
    假如 2025-06-01 有效的法律

  # 第（三）项 注册资本不低于人民币三千万元

  场景: 注册资本人民币一亿二千万元，不低于现行办法的最低限额
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-CAPITAL" 通过

  场景: 注册资本人民币五千万元，不低于现行办法的三千万元
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，注册资本为人民币 50,000,000 元
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-CAPITAL" 通过

  场景: 注册资本人民币两千万元，低于现行办法的三千万元
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，注册资本为人民币 20,000,000 元
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-CAPITAL" 不通过
    而且 规则 "MEASURES-5-CAPITAL" 的结论说明 "低于所适用规定的最低限额人民币 30,000,000 元"
    而且 不符合

  场景: 注册资本恰好为人民币三千万元
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，注册资本为人民币 30,000,000 元
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-CAPITAL" 通过

  场景: 未载明注册资本的，无法判定
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，删除 "capital"
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-CAPITAL" 无法判定

  # 第（二）项 专业技术、运营管理、安全管理和客户服务人员合计不少于三十名

  场景: 各类人员合计一百八十名
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-STAFF" 通过

  场景: 各类人员合计恰好三十名
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术人员 15 名、运营管理人员 5 名、安全管理人员 5 名、客户服务人员 5 名
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-STAFF" 通过

  场景: 各类人员合计二十五名，少于三十名
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术人员 10 名、运营管理人员 5 名、安全管理人员 5 名、客户服务人员 5 名
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-STAFF" 不通过
    而且 规则 "MEASURES-5-STAFF" 的结论说明 "合计 25 名"

  场景: 有一类人员未载明的，合计无法判定
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，删除 "staff.security"
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-STAFF" 无法判定

  场景: 按征求意见稿检查时，2015 年办法已被取代，本项不再适用
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按2024年办法征求意见稿进行检查
    那么 规则 "MEASURES-5-STAFF" 未生效

  # 第（四）项 固定的经营场所

  场景: 载明固定经营场所地址的
    假如 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-PREMISES" 通过

  场景: 未载明经营场所的
    假如 机构概况如 "corpus/ca-profiles/national-ca.yaml"，删除 "premises"
    当 按现行法律进行检查
    那么 规则 "MEASURES-5-PREMISES" 不通过
