"""Huawei Cloud quotas from a Python Pulumi program, through the huaweicloud-quotas provider plugin.

The module pulumi_huaweicloud_quotas is the SDK that `pulumi package add` generates from the plugin's schema
(see README.md). Each function of the schema is a Python function in snake_case, with an `_output` form that takes
and returns Outputs.
"""

import pulumi
import pulumi_huaweicloud_quotas as quotas

config = pulumi.Config()
keys_to_create = config.get_int("keysToCreate") or 3

# A direct call: the default provider, configured by the stack's `huaweicloud-quotas:*` settings.
kms = quotas.get_kms_quotas(region="cn-north-4")
cmk = next((resource for resource in kms.resources if resource.type == "CMK"), None)
pulumi.export("kmsProject", kms.project_id)
pulumi.export("kmsRegion", kms.region)
pulumi.export("cmkHeadroom", cmk.headroom if cmk else None)

# An explicit provider for another region, and the Output form of a function.
eu = quotas.Provider("eu", region="eu-west-101")
eu_vpc = quotas.get_vpc_quotas_output(type="vpc", opts=pulumi.InvokeOptions(provider=eu))
pulumi.export("euVpcQuotas", eu_vpc.resources)

# The requirements of this stack, checked against today's headroom. The function does not fail on a shortfall: the
# program decides, here by stopping the run with a message before any resource is declared.
checks = quotas.evaluate_requirements(
    requirements=[
        {"service": "kms", "type": "CMK", "need": keys_to_create},
        {"service": "vpc", "type": "vpc", "need": 1},
    ]
).checks
short = [check for check in checks if not check.met]
if short:
    lines = [
        f"{check.requirement.service} {check.requirement.type}: need {check.requirement.need}, "
        f"headroom {check.headroom}, short by {check.shortfall} ({check.scope}){' - ' + check.note if check.note else ''}"
        for check in short
    ]
    raise pulumi.RunError("Huawei Cloud quota headroom is short:\n" + "\n".join(lines))
pulumi.export("checks", [{"scope": check.scope, "met": check.met} for check in checks])
