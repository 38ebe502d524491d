/**
 * A compact field tree per kind: what the API server's strict decoder accepts and what
 * `kubectl explain` walks. Types are Go/OpenAPI names; `*` accepts any value (fields the
 * simulator does not model in depth), `[]T` is a list, `map[string]T` a map.
 */

/** Field name → type, per type name. A `!` suffix on a field marks it required (explain). */
const TYPES: Record<string, string> = {
  ObjectMeta:
    'annotations:map[string]string,creationTimestamp:Time,deletionGracePeriodSeconds:integer,deletionTimestamp:Time,finalizers:[]string,generateName:string,generation:integer,labels:map[string]string,managedFields:*,name:string,namespace:string,ownerReferences:[]OwnerReference,resourceVersion:string,selfLink:string,uid:string',
  OwnerReference: 'apiVersion!:string,blockOwnerDeletion:boolean,controller:boolean,kind!:string,name!:string,uid!:string',
  LabelSelector: 'matchExpressions:[]LabelSelectorRequirement,matchLabels:map[string]string',
  LabelSelectorRequirement: 'key!:string,operator!:string,values:[]string',
  Pod: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:PodSpec,status:*',
  PodTemplateSpec: 'metadata:ObjectMeta,spec:PodSpec',
  PodSpec:
    'activeDeadlineSeconds:integer,affinity:Affinity,automountServiceAccountToken:boolean,containers!:[]Container,dnsConfig:*,dnsPolicy:string,enableServiceLinks:boolean,ephemeralContainers:*,hostAliases:*,hostIPC:boolean,hostNetwork:boolean,hostPID:boolean,hostUsers:boolean,hostname:string,imagePullSecrets:[]LocalObjectReference,initContainers:[]Container,nodeName:string,nodeSelector:map[string]string,os:*,overhead:*,preemptionPolicy:string,priority:integer,priorityClassName:string,readinessGates:*,resourceClaims:*,resources:*,restartPolicy:string,runtimeClassName:string,schedulerName:string,schedulingGates:*,securityContext:PodSecurityContext,serviceAccount:string,serviceAccountName:string,setHostnameAsFQDN:boolean,shareProcessNamespace:boolean,subdomain:string,terminationGracePeriodSeconds:integer,tolerations:[]Toleration,topologySpreadConstraints:[]TopologySpreadConstraint,volumes:[]Volume',
  Container:
    'args:[]string,command:[]string,env:[]EnvVar,envFrom:[]EnvFromSource,image:string,imagePullPolicy:string,lifecycle:Lifecycle,livenessProbe:Probe,name!:string,ports:[]ContainerPort,readinessProbe:Probe,resizePolicy:*,resources:ResourceRequirements,restartPolicy:string,securityContext:SecurityContext,startupProbe:Probe,stdin:boolean,stdinOnce:boolean,terminationMessagePath:string,terminationMessagePolicy:string,tty:boolean,volumeDevices:*,volumeMounts:[]VolumeMount,workingDir:string',
  ContainerPort: 'containerPort!:integer,hostIP:string,hostPort:integer,name:string,protocol:string',
  EnvVar: 'name!:string,value:string,valueFrom:EnvVarSource',
  ResourceRequirements: 'claims:*,limits:map[string]Quantity,requests:map[string]Quantity',
  VolumeMount: 'mountPath!:string,mountPropagation:string,name!:string,readOnly:boolean,recursiveReadOnly:string,subPath:string,subPathExpr:string',
  LocalObjectReference: 'name:string',
  Toleration: 'effect:string,key:string,operator:string,tolerationSeconds:integer,value:string',
  Volume:
    'awsElasticBlockStore:*,azureDisk:*,azureFile:*,cephfs:*,cinder:*,configMap:ConfigMapVolumeSource,csi:*,downwardAPI:*,emptyDir:EmptyDirVolumeSource,ephemeral:*,fc:*,flexVolume:*,flocker:*,gcePersistentDisk:*,gitRepo:*,glusterfs:*,hostPath:HostPathVolumeSource,image:*,iscsi:*,name!:string,nfs:NFSVolumeSource,persistentVolumeClaim:PersistentVolumeClaimVolumeSource,photonPersistentDisk:*,portworxVolume:*,projected:*,quobyte:*,rbd:*,scaleIO:*,secret:SecretVolumeSource,storageos:*,vsphereVolume:*',
  EmptyDirVolumeSource: 'medium:string,sizeLimit:Quantity',
  HostPathVolumeSource: 'path!:string,type:string',
  NFSVolumeSource: 'path!:string,readOnly:boolean,server!:string',
  PersistentVolumeClaimVolumeSource: 'claimName!:string,readOnly:boolean',
  LocalVolumeSource: 'fsType:string,path!:string',
  Deployment: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:DeploymentSpec,status:*',
  DeploymentSpec:
    'minReadySeconds:integer,paused:boolean,progressDeadlineSeconds:integer,replicas:integer,revisionHistoryLimit:integer,selector!:LabelSelector,strategy:DeploymentStrategy,template!:PodTemplateSpec',
  ReplicaSet: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:ReplicaSetSpec,status:*',
  ReplicaSetSpec: 'minReadySeconds:integer,replicas:integer,selector!:LabelSelector,template:PodTemplateSpec',
  DaemonSet: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:DaemonSetSpec,status:*',
  DaemonSetSpec: 'minReadySeconds:integer,revisionHistoryLimit:integer,selector!:LabelSelector,template!:PodTemplateSpec,updateStrategy:DaemonSetUpdateStrategy',
  StatefulSet: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:StatefulSetSpec,status:*',
  StatefulSetSpec:
    'minReadySeconds:integer,ordinals:*,persistentVolumeClaimRetentionPolicy:*,podManagementPolicy:string,replicas:integer,revisionHistoryLimit:integer,selector!:LabelSelector,serviceName:string,template!:PodTemplateSpec,updateStrategy:StatefulSetUpdateStrategy,volumeClaimTemplates:[]PersistentVolumeClaim',
  Job: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:JobSpec,status:*',
  JobSpec:
    'activeDeadlineSeconds:integer,backoffLimit:integer,backoffLimitPerIndex:integer,completionMode:string,completions:integer,managedBy:string,manualSelector:boolean,maxFailedIndexes:integer,parallelism:integer,podFailurePolicy:*,podReplacementPolicy:string,selector:LabelSelector,successPolicy:*,suspend:boolean,template!:PodTemplateSpec,ttlSecondsAfterFinished:integer',
  CronJob: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:CronJobSpec,status:*',
  CronJobSpec:
    'concurrencyPolicy:string,failedJobsHistoryLimit:integer,jobTemplate!:JobTemplateSpec,schedule!:string,startingDeadlineSeconds:integer,successfulJobsHistoryLimit:integer,suspend:boolean,timeZone:string',
  JobTemplateSpec: 'metadata:ObjectMeta,spec:JobSpec',
  Service: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:ServiceSpec,status:*',
  ServiceSpec:
    'allocateLoadBalancerNodePorts:boolean,clusterIP:string,clusterIPs:[]string,externalIPs:[]string,externalName:string,externalTrafficPolicy:string,healthCheckNodePort:integer,internalTrafficPolicy:string,ipFamilies:[]string,ipFamilyPolicy:string,loadBalancerClass:string,loadBalancerIP:string,loadBalancerSourceRanges:[]string,ports:[]ServicePort,publishNotReadyAddresses:boolean,selector:map[string]string,sessionAffinity:string,sessionAffinityConfig:*,trafficDistribution:string,type:string',
  ServicePort: 'appProtocol:string,name:string,nodePort:integer,port!:integer,protocol:string,targetPort:IntOrString',
  Endpoints: 'apiVersion:string,kind:string,metadata:ObjectMeta,subsets:*',
  EndpointSlice: 'addressType!:string,apiVersion:string,endpoints!:*,kind:string,metadata:ObjectMeta,ports:*',
  ConfigMap: 'apiVersion:string,binaryData:map[string]string,data:map[string]string,immutable:boolean,kind:string,metadata:ObjectMeta',
  Secret: 'apiVersion:string,data:map[string]string,immutable:boolean,kind:string,metadata:ObjectMeta,stringData:map[string]string,type:string',
  ServiceAccount: 'apiVersion:string,automountServiceAccountToken:boolean,imagePullSecrets:*,kind:string,metadata:ObjectMeta,secrets:*',
  Namespace: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:NamespaceSpec,status:*',
  ComponentStatus: 'apiVersion:string,conditions:[]ComponentCondition,kind:string,metadata:ObjectMeta',
  ComponentCondition: 'error:string,message:string,status!:string,type!:string',
  NamespaceSpec: 'finalizers:[]string',
  Node: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:NodeSpec,status:*',
  NodeSpec: 'configSource:*,externalID:string,podCIDR:string,podCIDRs:[]string,providerID:string,taints:[]Taint,unschedulable:boolean',
  Taint: 'effect!:string,key!:string,timeAdded:Time,value:string',
  PersistentVolume: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:PersistentVolumeSpec,status:*',
  PersistentVolumeSpec:
    'accessModes:[]string,awsElasticBlockStore:*,azureDisk:*,azureFile:*,capacity:map[string]Quantity,cephfs:*,cinder:*,claimRef:*,csi:*,fc:*,flexVolume:*,flocker:*,gcePersistentDisk:*,glusterfs:*,hostPath:HostPathVolumeSource,iscsi:*,local:LocalVolumeSource,mountOptions:[]string,nfs:NFSVolumeSource,nodeAffinity:*,persistentVolumeReclaimPolicy:string,photonPersistentDisk:*,portworxVolume:*,quobyte:*,rbd:*,scaleIO:*,storageClassName:string,storageos:*,volumeAttributesClassName:string,volumeMode:string,vsphereVolume:*',
  PersistentVolumeClaim: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:PersistentVolumeClaimSpec,status:*',
  PersistentVolumeClaimSpec:
    'accessModes:[]string,dataSource:*,dataSourceRef:*,resources:VolumeResourceRequirements,selector:LabelSelector,storageClassName:string,volumeAttributesClassName:string,volumeMode:string,volumeName:string',
  VolumeResourceRequirements: 'limits:map[string]Quantity,requests:map[string]Quantity',
  PodDisruptionBudget: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:PodDisruptionBudgetSpec,status:*',
  PodDisruptionBudgetSpec: 'maxUnavailable:IntOrString,minAvailable:IntOrString,selector:LabelSelector,unhealthyPodEvictionPolicy:string',
  StorageClass:
    'allowVolumeExpansion:boolean,allowedTopologies:*,apiVersion:string,kind:string,metadata:ObjectMeta,mountOptions:[]string,parameters:map[string]string,provisioner!:string,reclaimPolicy:string,volumeBindingMode:string',
  Ingress: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:IngressSpec,status:*',
  IngressSpec: 'defaultBackend:IngressBackend,ingressClassName:string,rules:[]IngressRule,tls:[]IngressTLS',
  IngressBackend: 'resource:*,service:IngressServiceBackend',
  IngressServiceBackend: 'name!:string,port:ServiceBackendPort',
  ServiceBackendPort: 'name:string,number:integer',
  IngressTLS: 'hosts:[]string,secretName:string',
  IngressRule: 'host:string,http:HTTPIngressRuleValue',
  HTTPIngressRuleValue: 'paths!:[]HTTPIngressPath',
  HTTPIngressPath: 'backend!:IngressBackend,path:string,pathType!:string',
  IngressClass: 'apiVersion:string,kind:string,metadata:ObjectMeta,spec:IngressClassSpec',
  IngressClassSpec: 'controller:string,parameters:*',
  Affinity: 'nodeAffinity:NodeAffinity,podAffinity:PodAffinity,podAntiAffinity:PodAntiAffinity',
  AppArmorProfile: 'localhostProfile:string,type!:string',
  Capabilities: 'add:[]string,drop:[]string',
  ConfigMapEnvSource: 'name:string,optional:boolean',
  ConfigMapKeySelector: 'key!:string,name:string,optional:boolean',
  ConfigMapVolumeSource: 'defaultMode:integer,items:[]KeyToPath,name:string,optional:boolean',
  DaemonSetUpdateStrategy: 'rollingUpdate:RollingUpdateDaemonSet,type:string',
  DeploymentStrategy: 'rollingUpdate:RollingUpdateDeployment,type:string',
  EnvFromSource: 'configMapRef:ConfigMapEnvSource,prefix:string,secretRef:SecretEnvSource',
  EnvVarSource:
    'configMapKeyRef:ConfigMapKeySelector,fieldRef:ObjectFieldSelector,fileKeyRef:*,resourceFieldRef:ResourceFieldSelector,secretKeyRef:SecretKeySelector',
  ExecAction: 'command:[]string',
  GRPCAction: 'port!:integer,service:string',
  HTTPGetAction: 'host:string,httpHeaders:[]HTTPHeader,path:string,port!:IntOrString,scheme:string',
  HTTPHeader: 'name!:string,value!:string',
  KeyToPath: 'key!:string,mode:integer,path!:string',
  Lifecycle: 'postStart:LifecycleHandler,preStop:LifecycleHandler,stopSignal:string',
  LifecycleHandler: 'exec:ExecAction,httpGet:HTTPGetAction,sleep:SleepAction,tcpSocket:TCPSocketAction',
  NodeAffinity:
    'preferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm,requiredDuringSchedulingIgnoredDuringExecution:NodeSelector',
  NodeSelector: 'nodeSelectorTerms!:[]NodeSelectorTerm',
  NodeSelectorRequirement: 'key!:string,operator!:string,values:[]string',
  NodeSelectorTerm: 'matchExpressions:[]NodeSelectorRequirement,matchFields:[]NodeSelectorRequirement',
  ObjectFieldSelector: 'apiVersion:string,fieldPath!:string',
  PodAffinity:
    'preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm,requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm',
  PodAffinityTerm:
    'labelSelector:LabelSelector,matchLabelKeys:[]string,mismatchLabelKeys:[]string,namespaceSelector:LabelSelector,namespaces:[]string,topologyKey!:string',
  PodAntiAffinity:
    'preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm,requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm',
  PodSecurityContext:
    'appArmorProfile:AppArmorProfile,fsGroup:integer,fsGroupChangePolicy:string,runAsGroup:integer,runAsNonRoot:boolean,runAsUser:integer,seLinuxChangePolicy:string,seLinuxOptions:SELinuxOptions,seccompProfile:SeccompProfile,supplementalGroups:[]integer,supplementalGroupsPolicy:string,sysctls:[]Sysctl,windowsOptions:WindowsSecurityContextOptions',
  PreferredSchedulingTerm: 'preference!:NodeSelectorTerm,weight!:integer',
  Probe:
    'exec:ExecAction,failureThreshold:integer,grpc:GRPCAction,httpGet:HTTPGetAction,initialDelaySeconds:integer,periodSeconds:integer,successThreshold:integer,tcpSocket:TCPSocketAction,terminationGracePeriodSeconds:integer,timeoutSeconds:integer',
  ResourceFieldSelector: 'containerName:string,divisor:Quantity,resource!:string',
  RollingUpdateDaemonSet: 'maxSurge:IntOrString,maxUnavailable:IntOrString',
  RollingUpdateDeployment: 'maxSurge:IntOrString,maxUnavailable:IntOrString',
  RollingUpdateStatefulSetStrategy: 'maxUnavailable:IntOrString,partition:integer',
  SELinuxOptions: 'level:string,role:string,type:string,user:string',
  SeccompProfile: 'localhostProfile:string,type!:string',
  SecretEnvSource: 'name:string,optional:boolean',
  SecretKeySelector: 'key!:string,name:string,optional:boolean',
  SecretVolumeSource: 'defaultMode:integer,items:[]KeyToPath,optional:boolean,secretName:string',
  SecurityContext:
    'allowPrivilegeEscalation:boolean,appArmorProfile:AppArmorProfile,capabilities:Capabilities,privileged:boolean,procMount:string,readOnlyRootFilesystem:boolean,runAsGroup:integer,runAsNonRoot:boolean,runAsUser:integer,seLinuxOptions:SELinuxOptions,seccompProfile:SeccompProfile,windowsOptions:WindowsSecurityContextOptions',
  SleepAction: 'seconds!:integer',
  StatefulSetUpdateStrategy: 'rollingUpdate:RollingUpdateStatefulSetStrategy,type:string',
  Sysctl: 'name!:string,value!:string',
  TCPSocketAction: 'host:string,port!:IntOrString',
  TopologySpreadConstraint:
    'labelSelector:LabelSelector,matchLabelKeys:[]string,maxSkew!:integer,minDomains:integer,nodeAffinityPolicy:string,nodeTaintsPolicy:string,topologyKey!:string,whenUnsatisfiable!:string',
  WeightedPodAffinityTerm: 'podAffinityTerm!:PodAffinityTerm,weight!:integer',
  WindowsSecurityContextOptions:
    'gmsaCredentialSpec:string,gmsaCredentialSpecName:string,hostProcess:boolean,runAsUserName:string',
  Event:
    'action:string,apiVersion:string,count:integer,eventTime:*,firstTimestamp:Time,involvedObject:*,kind:string,lastTimestamp:Time,message:string,metadata:ObjectMeta,reason:string,related:*,reportingComponent:string,reportingInstance:string,series:*,source:*,type:string',
};

/** One field of a type. */
export interface FieldDef {
  name: string;
  /** "string", "integer", "[]Container", "map[string]string", "*"… */
  type: string;
  required: boolean;
}

const parsed = new Map<string, FieldDef[]>();

/** The fields of a named type, or undefined for scalars and free-form types. */
export function fieldsOf(typeName: string): FieldDef[] | undefined {
  const cached = parsed.get(typeName);
  if (cached) return cached;
  const spec = TYPES[typeName];
  if (spec === undefined) return undefined;
  const defs = spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    const rawName = part.slice(0, colon);
    const required = rawName.endsWith('!');
    return { name: required ? rawName.slice(0, -1) : rawName, type: part.slice(colon + 1), required };
  });
  parsed.set(typeName, defs);
  return defs;
}

/** Whether a type name is a modelled object type. */
export function isObjectType(typeName: string): boolean {
  return TYPES[typeName] !== undefined;
}
